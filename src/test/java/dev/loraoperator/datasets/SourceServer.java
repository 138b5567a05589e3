package dev.loraoperator.datasets;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local web server for source tests: fixed bodies, chunked bodies, redirects, 404s, a stalled answer, and bodies
 * whose connection drops half-way; it counts the requests for each path.
 */
public final class SourceServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final java.util.Set<String> dropping = ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> requests = new ConcurrentHashMap<>();

    public SourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "source-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                requests.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                if (redirects.containsKey(path)) {
                    exchange.getResponseHeaders().set("Location", redirects.get(path));
                    exchange.sendResponseHeaders(302, -1);
                } else if (path.startsWith("/stall")) {
                    exchange.sendResponseHeaders(200, 10);
                    exchange.getResponseBody().write(new byte[3]);
                    exchange.getResponseBody().flush();
                    Thread.sleep(5_000);
                } else if (dropping.contains(path) && bodies.containsKey(path)) {
                    // the promised length, half the bytes, then the connection closes, as when a network drops
                    byte[] body = bodies.get(path);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body, 0, body.length / 2);
                    exchange.getResponseBody().flush(); // closing with bytes missing drops the connection
                } else if (!bodies.containsKey(path)) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    byte[] body = bodies.get(path);
                    exchange.sendResponseHeaders(200, path.startsWith("/chunked/") ? 0 : body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public SourceServer serve(String path, byte[] body) {
        bodies.put(path, body);
        return this;
    }

    /** While on, a GET of the path sends half of the body, then the connection drops. */
    public SourceServer dropHalfWay(String path, boolean on) {
        if (on) {
            dropping.add(path);
        } else {
            dropping.remove(path);
        }
        return this;
    }

    /** How many requests the path received so far. */
    public int requests(String path) {
        java.util.concurrent.atomic.AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** How many requests all paths received so far. */
    public int requests() {
        return requests.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
    }

    SourceServer redirect(String path, String location) {
        redirects.put(path, location);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
