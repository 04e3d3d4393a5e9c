package com.claudioportal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.Sql;
import com.claudioportal.infra.TenantTestBase;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProfileServiceTest extends TenantTestBase {

    @Inject
    ProfileService profiles;

    @Inject
    Sql sql;

    @Test
    void editingCreatesANewVersionAndKeepsTheOldOneIntact() {
        String tenant = fixtures.tenant("Version Clinic", Fixtures.email("admin"));
        long id = fixtures.seedProfile(tenant);
        ProfileVersion v1 = scope.call(tenant, () -> Profile.<Profile> findById(id).currentVersion());
        assertEquals(1, v1.versionNo);

        List<ProfileField> fields = new ArrayList<>(v1.fields());
        fields.set(0, new ProfileField("specialist_name", "Examining specialist", "string", "string", "", "", true, List.of()));
        ProfileContent changed = new ProfileContent(v1.claudioProfileId, v1.formId, v1.profileName, false, v1.docTypes(), fields);
        assertTrue(scope.call(tenant, () -> profiles.update(id, "IME with Structura Doc Extraction", changed)).ok());

        ProfileVersion v2 = scope.call(tenant, () -> Profile.<Profile> findById(id).currentVersion());
        assertEquals(2, v2.versionNo);
        assertEquals("Examining specialist", v2.fields().get(0).uiLabel());
        assertTrue(v2.fields().get(0).required());
        assertEquals("Medical Specialist", scope.call(tenant, () -> ProfileVersion.<ProfileVersion> findById(v1.id).fields().get(0).uiLabel()));

        // saving the same content again (with stray spaces) is not a new version
        ProfileContent spaced = new ProfileContent(" " + v1.claudioProfileId + " ", v1.formId, v1.profileName, false,
                v1.docTypes(), fields);
        scope.run(tenant, () -> profiles.update(id, "IME with Structura Doc Extraction", spaced));
        assertEquals(2, scope.call(tenant, () -> Profile.<Profile> findById(id).currentVersion().versionNo));
    }

    /** The preset pages list a preset's values as the admin entered them, also after the database kept them (jsonb sorts an object's keys). */
    @Test
    void aPresetKeepsItsValuesInTheOrderEntered() {
        String tenant = fixtures.tenant("Preset Order Clinic", Fixtures.email("admin"));
        fixtures.seedProfile(tenant); // a preset's keys are the profiles' fields
        Map<String, String> entered = new LinkedHashMap<>();
        // neither alphabetical (bio, credentials, name) nor jsonb's order (shortest key first: bio, name, credentials)
        entered.put("specialist_credentials", "MD, FRCPC");
        entered.put("specialist_name", "Dr. Zoé Lefèvre");
        entered.put("specialist_bio", "Psychiatre");
        long id = fixtures.preset(tenant, "Dr. Lefèvre", entered);
        Map<String, String> kept = scope.call(tenant, () -> Preset.<Preset> findById(id).values());
        assertEquals(List.copyOf(entered.entrySet()), List.copyOf(kept.entrySet()));
    }

    @Test
    void theDatabaseRefusesToChangeAVersion() {
        String tenant = fixtures.tenant("Immutable Clinic", Fixtures.email("admin"));
        long id = fixtures.seedProfile(tenant);
        String before = formIds(id);
        Exception refused = assertThrows(jakarta.persistence.PersistenceException.class, () -> sql.update("update profile_version set form_id = 'x' where profile_id = ?1", id));
        assertTrue(causes(refused).contains("profile versions are immutable: create a new version instead"), causes(refused));
        assertEquals(before, formIds(id), "the row is unchanged");
        assertEquals("70L34P7896Q97U81", before);
    }

    private String formIds(long profileId) {
        return sql.one("select string_agg(form_id, ',') from profile_version where profile_id = ?1", profileId);
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" / ");
        }
        return all.toString();
    }

    @Test
    void duplicateAndEmptyKeysAreExplainedPerField() {
        String tenant = fixtures.tenant("Keys Clinic", Fixtures.email("admin"));
        ProfileContent bad = new ProfileContent("P", "F", "N", false, List.of("loi"), List.of(
                new ProfileField("name", "Name", "string", "string", "", "", false, List.of()),
                new ProfileField("Name", "Name again", "string", "string", "", "", false, List.of()),
                new ProfileField("", "No key", "string", "string", "", "", false, List.of()),
                new ProfileField("has space", "Bad", "string", "string", "", "", false, List.of()),
                new ProfileField("side", "Side", "string", "choice", "", "", false, List.of())));
        var saved = scope.call(tenant, () -> profiles.create("Bad profile", bad, "profile.created"));
        assertTrue(saved.errors().get("fields[1].key").contains("Field 1 already uses"));
        assertTrue(saved.errors().get("fields[2].key").contains("needs a key"));
        assertTrue(saved.errors().get("fields[3].key").contains("no spaces"));
        assertTrue(saved.errors().get("fields[4].options").contains("at least one option"));
        assertEquals(0L, (long) scope.call(tenant, () -> Profile.count()));
    }
}
