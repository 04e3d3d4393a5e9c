package com.claudioportal.profile;

import java.util.List;

/** Everything a profile version says, independent of storage. */
public record ProfileContent(String claudioProfileId, String formId, String profileName, boolean defaultIsRaw,
        List<String> docTypes, List<ProfileField> fields) {

    public ProfileContent {
        docTypes = docTypes == null ? List.of() : List.copyOf(docTypes);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
