package dev.loraoperator.sandbox;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP front of the sandbox's Kubernetes API: plain HTTP on the port asked for (0: any free one, see port()),
 * requests handed to the dispatcher. Fabric8's own MockWebServer serves watches only over WebSockets, which kubectl does not speak; this front gives
 * WebSocket clients (the operator) the mock server's own WebSocket handling and everyone else a chunked stream.
 */
final class ApiServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final SandboxDispatcher dispatcher;
    private final AuditLog audit;
    private final HttpServer server;

    private ApiServer(String host, int port, SandboxDispatcher dispatcher, AuditLog audit) {
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
                // the same subprotocols Kubernetes offers, which Fabric8 asks for when it opens a watch
                .setWebSocketSubProtocols(java.util.List.of("v4.channel.k8s.io", "v1.channel.k8s.io")));
        server.requestHandler(this::handle);
    }

    static ApiServer start(String host, int port, SandboxDispatcher dispatcher, AuditLog audit) {
        ApiServer api = new ApiServer(host, port, dispatcher, audit);
        CompletableFuture<Void> listening = new CompletableFuture<>();
        api.server.listen().onSuccess(s -> listening.complete(null)).onFailure(listening::completeExceptionally);
        try {
            listening.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            api.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return api;
    }

    int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            // a WebSocket handshake has no body, and reading one would spoil the upgrade
            respond(request, recorded(request, null));
        } else {
            request.body().onSuccess(body -> respond(request, recorded(request, body)))
                    .onFailure(e -> request.response().setStatusCode(500).end());
        }
    }

    private void respond(HttpServerRequest request, RecordedRequest recorded) {
        audit.record(recorded);
        MockResponse response;
        try {
            response = dispatcher.dispatch(recorded);
        } catch (RuntimeException e) {
            request.response().setStatusCode(500).putHeader("Content-Type", "text/plain").end(String.valueOf(e));
            return;
        }
        WebSocketListener listener = response.getWebSocketListener();
        if (listener == null) {
            write(request.response(), response);
        } else if (recorded.getHeader("Upgrade") != null) {
            request.toWebSocket().onSuccess(new ServerWebSocketHandler(recorded, response))
                    .onFailure(e -> request.response().setStatusCode(500).end());
        } else {
            stream(request, recorded, response, listener);
        }
    }

    private void stream(HttpServerRequest request, RecordedRequest recorded, MockResponse response,
            WebSocketListener listener) {
        HttpServerResponse out = request.response().setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "application/json");
        out.writeHead();
        WatchStream stream = new WatchStream(recorded, out, dispatcher.watchEvents(recorded));
        // the listener waits for its sender thread when closed: keep that off the event loop
        Runnable closed = () -> vertx.executeBlocking(() -> {
            listener.onClosed(stream, 1000, "watch ended");
            return null;
        });
        out.closeHandler(v -> closed.run());
        String timeout = ApiPath.query(request.query() == null ? "" : request.query()).get("timeoutSeconds");
        if (timeout != null && timeout.matches("\\d+") && Long.parseLong(timeout) > 0) {
            // clients ask watches to end after a while and then list again; honour it as the real server does
            vertx.setTimer(Long.parseLong(timeout) * 1000, id -> {
                stream.close(1000, "timeout");
                closed.run();
            });
        }
        stream.begin();
        listener.onOpen(stream, response);
    }

    private static void write(HttpServerResponse out, MockResponse response) {
        out.setStatusCode(response.code() == 0 ? 200 : response.code());
        response.getHeaders().toMultimap().forEach((name, values) -> out.headers().add(name, values));
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
        if (body.length > 0 && !out.headers().contains("Content-Type")) {
            out.putHeader("Content-Type", "application/json");
        }
        out.end(Buffer.buffer(body));
    }

    private static RecordedRequest recorded(HttpServerRequest request, Buffer body) {
        return new RecordedRequest(request.version().alpnName().toUpperCase(Locale.ROOT),
                HttpMethod.fromVertx(request.method()), request.uri(),
                Headers.builder().addAll(request.headers()).build(),
                new io.fabric8.mockwebserver.http.Buffer(body == null ? null : body.getBytes()));
    }

    /** Closing Vert.x closes the server and every open watch with it. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // shutting down anyway
        }
    }
}
