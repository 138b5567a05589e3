package dev.loraoperator.sandbox;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands the CRUD store's watch events, which it can only send over a WebSocket, to an HTTP client as a chunked
 * stream of JSON lines: the form kubectl (client-go) watches with. Fabric8 clients keep their WebSockets.
 */
final class WatchStream implements WebSocket {

    private final RecordedRequest request;
    private final HttpServerResponse response;
    private final WatchEvents events;
    private final AtomicBoolean closed = new AtomicBoolean();

    WatchStream(RecordedRequest request, HttpServerResponse response, WatchEvents events) {
        this.request = request;
        this.response = response;
        this.events = events;
    }

    /** Sends what the watch starts with, before the store's listener is opened. */
    void begin() {
        events.initial().forEach(line -> response.write(line + "\n"));
    }

    @Override
    public RecordedRequest request() {
        return request;
    }

    @Override
    public boolean send(String text) {
        String line = events.line(text);
        if (line != null && !closed.get()) {
            response.write(line + "\n");
        }
        return !closed.get();
    }

    @Override
    public boolean send(byte[] bytes) {
        return send(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public boolean close(int code, String reason) {
        if (closed.compareAndSet(false, true) && !response.ended() && !response.closed()) {
            response.end();
        }
        return true;
    }
}
