package dev.loraoperator.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small archives built in memory for tests: entry path to text content; a value "->target" makes a symlink. */
public final class Archives {
    private Archives() {
    }

    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                if (e.getValue().startsWith("->")) {
                    entry.setUnixMode(0120777);
                }
                write(zip, entry, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] tar(Map<String, String> entries, boolean gzip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.OutputStream target = gzip ? new GzipCompressorOutputStream(bytes) : bytes;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(target)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                TarArchiveEntry entry;
                if (e.getValue().startsWith("->")) {
                    entry = new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(e.getValue().substring(2));
                    tar.putArchiveEntry(entry);
                    tar.closeArchiveEntry();
                    continue;
                }
                entry = new TarArchiveEntry(e.getKey(), true); // keep a leading '/' as written
                entry.setSize(e.getValue().getBytes(StandardCharsets.UTF_8).length);
                write(tar, entry, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <E extends org.apache.commons.compress.archivers.ArchiveEntry> void write(
            ArchiveOutputStream<E> out, E entry, String content) throws IOException {
        out.putArchiveEntry(entry);
        if (!content.startsWith("->")) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeArchiveEntry();
    }
}
