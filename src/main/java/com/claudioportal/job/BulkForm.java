package com.claudioportal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The "new jobs from many recordings" form as posted: one profile version and preset for all, the
 * values asked once ({@code f.<key>}), and one row per recording ({@code audioId}/{@code jobName}
 * as parallel repeated parameters).
 */
public class BulkForm extends JobForm {

    /** One recording and the name of the job it becomes. */
    public record Row(String uploadId, String jobName) {
    }

    public String batchKey;
    public final List<Row> rows = new ArrayList<>();

    public static BulkForm read(MultivaluedMap<String, String> form) {
        BulkForm f = new BulkForm();
        f.readShared(form);
        f.batchKey = form.getFirst("batchKey");
        List<String> ids = form.get("audioId");
        List<String> names = form.get("jobName");
        for (int i = 0; ids != null && i < ids.size(); i++) {
            String name = names != null && i < names.size() && names.get(i) != null ? names.get(i) : "";
            f.rows.add(new Row(ids.get(i), name));
        }
        return f;
    }

    public UUID batchKeyOrNull() {
        return uuidOrNull(batchKey);
    }
}
