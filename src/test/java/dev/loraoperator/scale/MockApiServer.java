package dev.loraoperator.scale;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Fabric8 mock Kubernetes API server in CRUD mode on a free local port, plain HTTP. As a main it runs in a JVM of
 * its own for the benchmark (so its CPU and memory are its own), prints its URL and serves until stopped.
 */
public final class MockApiServer {

    private MockApiServer() {
    }

    // held, so the level set below stays set (java.util.logging keeps loggers only weakly)
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    public static KubernetesMockServer start(Dispatcher dispatcher) {
        // the mock server logs each request at INFO: at thousands of requests a second, that would be its main work
        MOCK_LOG.setLevel(Level.WARNING);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    public static String url(KubernetesMockServer server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    public static void main(String[] args) throws InterruptedException {
        KubernetesMockServer server = start(new CountingDispatcher());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            stopped.countDown();
        }));
        System.out.println(url(server));
        stopped.await();
    }
}
