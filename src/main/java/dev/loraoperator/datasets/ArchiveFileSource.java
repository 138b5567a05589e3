package dev.loraoperator.datasets;

import dev.loraoperator.api.v1alpha1.ArchiveFormat;
import dev.loraoperator.trainer.TrainerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An archive at an http(s) URL, unpacked while it streams: its media and caption files become dataset files named
 * after their base name; other files are skipped; an absolute path, a '..' segment or a link fails the source.
 */
public final class ArchiveFileSource implements FileSource {
    private final SourceHttp http;
    private final URI uri;
    private final ArchiveFormat format;
    private final String sha256;
    private final String what;

    public ArchiveFileSource(SourceHttp http, URI uri, ArchiveFormat format, String sha256, String what) {
        this.http = http;
        this.uri = uri;
        this.format = format;
        this.sha256 = sha256;
        this.what = what;
    }

    @Override
    public String listingKey() {
        return "archive|" + uri + "|" + format + "|" + sha256;
    }

    /** One pass over the whole archive: entries counted, names checked, the archive's checksum verified. */
    @Override
    public List<DesiredFile> list() throws SourceException {
        Map<String, DesiredFile> files = new LinkedHashMap<>();
        Map<String, String> origin = new HashMap<>();
        try (SourceHttp.Response response = http.open(uri, what)) {
            VerifiedStream raw = new VerifiedStream(response.body(), what, response.length(),
                    http.limits().maxBytes(), sha256);
            ZipCentralDirectory.Tail tail = new ZipCentralDirectory.Tail(raw);
            ArchiveInputStream<?> archive = open(tail);
            for (ArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                String name = acceptedName(entry);
                if (name == null) {
                    continue;
                }
                String earlier = origin.put(name, entry.getName());
                if (earlier != null) {
                    throw new SourceException(what + ": entries " + earlier + " and " + entry.getName()
                            + " would both be the dataset file " + name);
                }
                files.put(name, new DesiredFile(name, archive.transferTo(OutputStream.nullOutputStream())));
            }
            tail.transferTo(OutputStream.nullOutputStream()); // to the end, so the checksum covers every byte
            if (format == ArchiveFormat.ZIP) {
                rejectZipLinks(tail, origin.values());
            }
            if (files.isEmpty()) {
                throw new SourceException(what + ": the archive holds no media or caption files");
            }
            return new ArrayList<>(files.values());
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(what + ": not a readable " + format.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '.') + " archive (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void read(List<DesiredFile> wanted, FileSink sink) throws SourceException, TrainerException {
        Map<String, DesiredFile> byName = new HashMap<>();
        wanted.forEach(file -> byName.put(file.name(), file));
        try (SourceHttp.Response response = http.open(uri, what)) {
            ArchiveInputStream<?> archive = open(new VerifiedStream(response.body(), what, response.length(),
                    http.limits().maxBytes(), null));
            for (ArchiveEntry entry = archive.getNextEntry(); entry != null && !byName.isEmpty();
                    entry = archive.getNextEntry()) {
                String name = acceptedName(entry);
                DesiredFile file = name == null ? null : byName.remove(name);
                if (file != null) {
                    sink.accept(file, new VerifiedStream(new Unclosable(archive), what + ": " + entry.getName(),
                            file.size(), file.size(), null));
                }
            }
            if (!byName.isEmpty()) {
                throw new SourceException(what + ": " + byName.keySet().iterator().next()
                        + " is no longer in the archive");
            }
        } catch (SourceException | TrainerException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(what + ": " + e.getMessage(), e);
        }
    }

    /** A zip names its links only in its central directory, at the end: checked before anything is uploaded. */
    private void rejectZipLinks(ZipCentralDirectory.Tail tail, java.util.Collection<String> entries)
            throws SourceException {
        Map<String, Boolean> links = ZipCentralDirectory.links(tail.bytes(), entries);
        if (!links.keySet().containsAll(entries)) {
            throw new SourceException(what + ": the zip's central directory is too large to check for links");
        }
        for (String entry : entries) {
            if (links.get(entry)) {
                throw new SourceException(what + ": entry " + entry + " is a link, which a dataset cannot hold");
            }
        }
    }

    private ArchiveInputStream<?> open(InputStream raw) throws IOException {
        return switch (format) {
            // stored entries with a data descriptor are legal zip; reading them while streaming must be allowed
            case ZIP -> new ZipArchiveInputStream(raw, "UTF-8", true, true);
            case TAR -> new TarArchiveInputStream(raw);
            case TAR_GZ -> new TarArchiveInputStream(new GzipCompressorInputStream(raw));
        };
    }

    /** The dataset name of a safe media or caption entry, null for one to skip; throws for an unsafe entry. */
    private String acceptedName(ArchiveEntry entry) throws SourceException {
        String path = entry.getName().replace('\\', '/');
        if (entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink())
                || entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink()) {
            throw new SourceException(what + ": entry " + entry.getName() + " is a link, which a dataset cannot hold");
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            throw new SourceException(what + ": entry " + entry.getName() + " has an absolute path");
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new SourceException(what + ": entry " + entry.getName() + " points outside the dataset ('..')");
            }
        }
        if (entry.isDirectory() || entry instanceof TarArchiveEntry tar && !tar.isFile()) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return FileNames.accepted(name) ? name : null;
    }

    /** The current entry's bytes; closing it must not close the archive, whose next entries are still to come. */
    private static final class Unclosable extends java.io.FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stays open for its next entry
        }
    }
}
