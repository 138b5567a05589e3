package dev.loraoperator.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The HTTP front: records each request, applies faults and auth, asks JobEndpoints, then answers or withholds. */
final class SimulatorHandler implements HttpHandler {

    /** Uploads are streamed to the dataset endpoints, never read whole. */
    private static final java.util.Set<Operation> DATASET_OPERATIONS = java.util.EnumSet.of(Operation.CREATE_DATASET,
            Operation.LIST_DATASETS, Operation.DATASET_STATUS, Operation.UPLOAD_FILE, Operation.UPLOAD_ENDPOINT,
            Operation.DELETE_DATASET);

    private final JobEndpoints api;
    private final DatasetEndpoints datasets;
    private final Faults faults;
    private final RequestLog log;
    private final byte[] expectedAuthorization;
    private final CountDownLatch closing;

    SimulatorHandler(JobEndpoints api, DatasetEndpoints datasets, Faults faults, RequestLog log, String token,
            CountDownLatch closing) {
        this.api = api;
        this.datasets = datasets;
        this.faults = faults;
        this.log = log;
        this.expectedAuthorization = ("Bearer " + token).getBytes(UTF_8);
        this.closing = closing;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            Route route = Route.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            boolean streamed = route.operation() == Operation.UPLOAD_FILE;
            java.io.InputStream upload = new java.io.BufferedInputStream(exchange.getRequestBody(), 1 << 16);
            String body = streamed ? "" : new String(upload.readAllBytes(), UTF_8);
            Fault fault = route.operation() == Operation.UNKNOWN ? null : faults.take(route.operation());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authorized = authorization != null
                    && MessageDigest.isEqual(authorization.getBytes(UTF_8), expectedAuthorization);
            // recorded before processing, so a test sees a hanging request while it hangs
            log.add(new RecordedRequest(route.operation(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), route.jobId(), body, authorization != null, authorized,
                    fault == null ? null : fault.kind().name()));
            if (route.operation() == Operation.UNKNOWN) {
                write(exchange, Reply.error(404, 40400, "no such endpoint"));
            } else if (fault != null && !fault.processes()) {
                // rate limits and 5xx come from in front of the API: the request never reaches it
                upload.transferTo(java.io.OutputStream.nullOutputStream());
                write(exchange, fault.reply());
            } else {
                Reply reply = !authorized ? Reply.error(401, 40100, "token rejected")
                        : DATASET_OPERATIONS.contains(route.operation())
                        ? datasets.handle(route, body, exchange.getRequestHeaders().getFirst("Content-Type"), upload)
                        : api.handle(route, body);
                // an answer before the whole upload arrived must not break the sender's pipe
                upload.transferTo(java.io.OutputStream.nullOutputStream());
                deliver(exchange, reply, fault);
            }
        } catch (IOException e) {
            // the client went away (e.g. it timed out during a hang): there is nobody left to answer
        } finally {
            exchange.close();
        }
    }

    private void deliver(HttpExchange exchange, Reply reply, Fault fault) throws IOException {
        if (fault == null) {
            write(exchange, reply);
            return;
        }
        switch (fault.kind()) {
            case HANG -> {
                if (!awaitClosing(fault)) {
                    write(exchange, reply);
                }
            }
            case RESET -> dropAfterHeaders(exchange, reply);
            case OVERSIZED, MISSING_FIELDS, UNKNOWN_STATUS -> write(exchange, fault.rewrite().apply(reply));
            default -> write(exchange, fault.reply());
        }
    }

    /** Waits out a hang; returns true when the simulator closes first, so close() is never held up by a hang. */
    private boolean awaitClosing(Fault fault) {
        try {
            return closing.await(fault.delay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Announces the body, then closes the socket without it, so the client fails with an IOException. Dropping
     * before the status line would not do: java.net.http silently retries a GET that got no response bytes.
     */
    private static void dropAfterHeaders(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length + 1L);
        // closing a fixed-length exchange that is short of bytes makes the JDK server close the connection
        exchange.close();
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
