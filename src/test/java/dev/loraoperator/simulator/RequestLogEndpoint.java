package dev.loraoperator.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * {@code GET /simulator/requests}: every Trainer API request the simulator received, as JSON, so that someone
 * testing an operator (or the sandbox test) can see exactly which calls were made. It is not part of the Trainer
 * API, is never recorded itself, and takes the same bearer token, since request bodies carry users' configs.
 */
final class RequestLogEndpoint implements HttpHandler {

    static final String PATH = "/simulator/requests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestLog log;
    private final byte[] expectedAuthorization;

    RequestLogEndpoint(RequestLog log, String token) {
        this.log = log;
        this.expectedAuthorization = ("Bearer " + token).getBytes(UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            int status;
            byte[] body;
            if (authorization == null || !MessageDigest.isEqual(authorization.getBytes(UTF_8), expectedAuthorization)) {
                status = 401;
                body = "{\"error_message\":\"token rejected\"}".getBytes(UTF_8);
            } else if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                status = 404;
                body = "{\"error_message\":\"no such endpoint\"}".getBytes(UTF_8);
            } else {
                status = 200;
                body = JSON.writeValueAsBytes(log.all());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
