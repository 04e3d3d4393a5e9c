package com.claudioportal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The bytes of staged uploads, by key ({@code <tenant>/<random id>}, never the user's file
 * name). Two implementations: {@link LocalStagedStore} and {@link S3StagedStore}; callers go
 * through {@link UploadStorage}.
 */
interface StagedStore {

    /** Takes the received file (it is gone from {@code received} afterwards). */
    void put(String key, Path received) throws IOException;

    boolean exists(String key) throws IOException;

    /** Deletes the object; a missing one is not an error. */
    void delete(String key) throws IOException;

    /**
     * The object as a file on this machine for the upload to Claudio: the stored file itself for
     * the local store, a scratch copy (streamed, never in the heap) for S3.
     */
    StagedCopy copyOut(String key, Path scratch) throws IOException;

    /** Size in bytes, or -1 when there is no such object. */
    long size(String key) throws IOException;

    /** Every stored key (not the incoming area) with when it last changed. */
    java.util.Map<String, java.time.Instant> list() throws IOException;

    /** Bytes {@code from}..{@code to} (inclusive), streamed. */
    InputStream open(String key, long from, long to) throws IOException;
}
