package com.claudioportal.credentials;

import java.util.Optional;

/** A {@link SecretBox} over keys a test names (as "id:base64,..."), sealing with {@code active} (none: null). */
public final class TestSecretBoxes {

    private TestSecretBoxes() {
    }

    public static SecretBox box(String keys, String active) {
        return new SecretBox(new EncryptionConfig() {
            public Optional<String> keys() {
                return Optional.of(keys);
            }

            public Optional<String> activeKey() {
                return Optional.ofNullable(active);
            }

            public boolean reencryptOnStart() {
                return false;
            }
        });
    }
}
