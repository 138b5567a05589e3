package dev.loraoperator.datasets;

import com.sun.net.httpserver.HttpServer;
import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import dev.loraoperator.simulator.UploadRecord;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.HttpDatasetApi;
import dev.loraoperator.trainer.HttpTrainerApi;
import dev.loraoperator.trainer.RateLimiter;
import dev.loraoperator.trainer.RequestObserver;
import dev.loraoperator.trainer.SignedUpload;
import dev.loraoperator.trainer.UploadFile;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams one generated file of {@code args[0]} bytes from a web server, through a URL source and the dataset client,
 * into the simulator's object store, all in this JVM: run it with a small -Xmx to show nothing is held whole.
 * Prints "OK <size> <sha256>" when the simulator received every byte with the digest the server sent.
 */
public final class BigFileUpload {
    private BigFileUpload() {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        AtomicReference<String> served = new AtomicReference<>();
        HttpServer source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        source.createContext("/clip.mp4", exchange -> {
            if ("bytes=0-0".equals(exchange.getRequestHeaders().getFirst("Range"))) {
                exchange.getResponseHeaders().set("Content-Range", "bytes 0-0/" + size);
                exchange.sendResponseHeaders(206, 1);
                exchange.getResponseBody().write(0);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, size);
            MessageDigest digest = sha256();
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) 0x5a);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    int n = (int) Math.min(chunk.length, size - sent);
                    java.nio.ByteBuffer.wrap(chunk).putLong(sent); // every chunk differs, cheaply
                    digest.update(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
            }
            served.set(HexFormat.of().formatHex(digest.digest()));
        });
        source.start();
        try (TrainerSimulator sim = TrainerSimulator.start(0, "big", Timeline.manual())) {
            HttpDatasetApi api = new HttpDatasetApi(new HttpTrainerApi(URI.create(sim.baseUrl()), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), new RateLimiter(100, Clock.systemUTC()), RequestObserver.NONE),
                    Duration.ofSeconds(5), RequestObserver.NONE);
            ApiToken token = new ApiToken("big");
            String id = api.create(token, "big").id();
            FileSource clip = new UrlFileSource(new SourceHttp(SourceHttp.Limits.DEFAULTS),
                    URI.create("http://127.0.0.1:" + source.getAddress().getPort() + "/clip.mp4"), null, null, "files[0]");
            List<DesiredFile> files = clip.list();
            Map<String, SignedUpload> targets = api.uploadEndpoints(token, id, Map.of("clip.mp4", files.get(0).size()));
            clip.read(files, (file, bytes) -> api.put(targets.get(file.name()),
                    new UploadFile(file.name(), file.size(), () -> bytes)));
            UploadRecord received = sim.uploads().get(0);
            String expected = served.get();
            if (received.size() != size || !received.sha256().equals(expected)) {
                throw new AssertionError("received " + received + ", expected " + size + " bytes, sha256 " + expected);
            }
            System.out.println("OK " + received.size() + " " + received.sha256() + " maxHeap="
                    + Runtime.getRuntime().maxMemory());
        } finally {
            source.stop(0);
        }
    }
}
