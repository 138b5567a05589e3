package dev.loraoperator.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A static web server for the examples' archive sources: {@value #ARCHIVE} is a tar.gz, made at start, of a few small
 * generated PNG images, each with its caption, in a folder as photo sets usually come. Serves GET with its length, and
 * the one-byte range requests the operator's source client sends to learn a size, as web servers and object stores do.
 */
final class ExampleFiles implements AutoCloseable {
    static final String ARCHIVE = "/corgis.tar.gz";
    /** The files the archive holds, once unpacked (images and captions). */
    static final int FILES = 6;

    private final HttpServer server;

    private ExampleFiles(HttpServer server) {
        this.server = server;
    }

    static ExampleFiles start(String host, int port) {
        byte[] archive = archive();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (!exchange.getRequestURI().getPath().equals(ARCHIVE)) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", "application/gzip");
                    boolean firstByte = "bytes=0-0".equals(exchange.getRequestHeaders().getFirst("Range"));
                    if (firstByte) {
                        exchange.getResponseHeaders().set("Content-Range", "bytes 0-0/" + archive.length);
                    }
                    boolean head = "HEAD".equals(exchange.getRequestMethod());
                    exchange.sendResponseHeaders(firstByte ? 206 : 200, head ? -1 : firstByte ? 1 : archive.length);
                    if (!head) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(archive, 0, firstByte ? 1 : archive.length);
                        }
                    }
                }
            });
            server.start();
            return new ExampleFiles(server);
        } catch (IOException e) {
            throw new UncheckedIOException("the example file server could not bind " + host + ":" + port, e);
        }
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Three corgis in three colours, 16x16 pixels each, with a caption file per image. */
    static byte[] archive() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Color> corgis = new LinkedHashMap<>();
        corgis.put("orange", new Color(0xE0, 0x8A, 0x3C));
        corgis.put("sable", new Color(0x8B, 0x5A, 0x2B));
        corgis.put("tricolour", new Color(0x30, 0x30, 0x30));
        int i = 1;
        for (Map.Entry<String, Color> corgi : corgis.entrySet()) {
            String name = "corgis/corgi_%02d".formatted(i++);
            files.put(name + ".png", png(corgi.getValue()));
            files.put(name + ".txt", ("a photo of [trigger], a " + corgi.getKey() + " corgi")
                    .getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] png(Color colour) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, (x + y) % 4 == 0 ? Color.WHITE.getRGB() : colour.getRGB());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
