package dev.loraoperator.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The object store behind the signed upload URLs. Like real storage it takes no Authorization header (the URL is the
 * credential), checks the signed method, headers and exact Content-Length, and answers errors in XML. It counts
 * and hashes the bytes and keeps nothing else.
 */
final class ObjectStoreHandler implements HttpHandler {
    static final String PATH = "/storage/";

    private final DatasetStore store;
    private final Faults faults;
    private final RequestLog log;

    ObjectStoreHandler(DatasetStore store, Faults faults, RequestLog log) {
        this.store = store;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String token = exchange.getRequestURI().getRawPath().substring(PATH.length());
            Optional<DatasetStore.Ticket> ticket = store.ticket(token);
            Fault fault = faults.take(Operation.STORAGE_PUT);
            boolean authorization = exchange.getRequestHeaders().containsKey("Authorization");
            log.add(new RecordedRequest(Operation.STORAGE_PUT, exchange.getRequestMethod(), PATH + "<signed>",
                    ticket.map(DatasetStore.Ticket::datasetId).orElse(null), "", authorization, false,
                    fault == null ? null : fault.kind().name()));
            InputStream body = new BufferedInputStream(exchange.getRequestBody(), 1 << 16);
            int status = fault != null && !fault.processes() ? fault.reply().status()
                    : store(exchange, ticket, authorization, body);
            if (fault != null && fault.processes() && status == 200) {
                status = 500; // the file landed, but the answer says otherwise: the client cannot tell
            }
            body.transferTo(OutputStream.nullOutputStream()); // an early answer must not break the sender's pipe
            answer(exchange, status);
        } catch (IOException e) {
            // the client went away: nobody is left to answer
        }
    }

    private int store(HttpExchange exchange, Optional<DatasetStore.Ticket> found, boolean authorization,
            InputStream body) throws IOException {
        if (authorization) {
            return 400; // S3: "Only one auth mechanism allowed"; GCS refuses it too
        }
        if (found.isEmpty()) {
            return 403; // unknown or expired signature
        }
        DatasetStore.Ticket ticket = found.get();
        if (!"PUT".equals(exchange.getRequestMethod()) || !signedHeadersMatch(exchange, ticket.signedHeaders())) {
            return 403; // SignatureDoesNotMatch
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) {
            return 411; // MissingContentLength: a chunked upload cannot be checked against the signed size
        }
        if (!length.equals(Long.toString(ticket.size()))) {
            return 403; // the size is part of the signature
        }
        CountingDigest digest = new CountingDigest();
        byte[] buffer = new byte[1 << 16];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        if (digest.count() != ticket.size()) {
            return 400; // IncompleteBody
        }
        SimDataset dataset = store.get(ticket.datasetId()).filter(d -> !d.deleted()).orElse(null);
        if (dataset == null) {
            return 404;
        }
        store.received(dataset, new SimDataset.StoredFile(ticket.filename(), digest.count(), digest.hex()), "signed");
        return 200;
    }

    private static boolean signedHeadersMatch(HttpExchange exchange, Map<String, String> signed) {
        return signed.entrySet().stream()
                .allMatch(h -> h.getValue().equals(exchange.getRequestHeaders().getFirst(h.getKey())));
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        if (status == 200) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        String code = switch (status) {
            case 400 -> "InvalidRequest";
            case 403 -> "SignatureDoesNotMatch";
            case 404 -> "NoSuchUpload";
            case 411 -> "MissingContentLength";
            default -> "ServiceUnavailable";
        };
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }
}
