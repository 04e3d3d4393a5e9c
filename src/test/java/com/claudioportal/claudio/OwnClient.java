package com.claudioportal.claudio;

import java.util.function.Consumer;

/** A client a test builds with settings of its own: its calls are made, then it is closed, whatever they throw. */
final class OwnClient {

    private OwnClient() {
    }

    static void using(ClaudioClient client, Consumer<ClaudioClient> calls) {
        try {
            calls.accept(client);
        } finally {
            client.close();
        }
    }
}
