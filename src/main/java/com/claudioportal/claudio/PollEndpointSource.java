package com.claudioportal.claudio;

/**
 * Which address Poll Job uses. The vendor documents the template {@code <base_url>/jobs/<id>/poll}
 * and also returns a {@code poll_endpoint} from Submit whose form it does not document.
 */
public enum PollEndpointSource {
    /** Always the documented template (default). */
    TEMPLATE,
    /**
     * The {@code poll_endpoint} Submit returned, when given and on the same scheme, host and port as
     * the base URL (the key and secret are never sent anywhere else); otherwise the template.
     */
    RETURNED
}
