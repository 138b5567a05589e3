package dev.loraoperator.datasets;

import dev.loraoperator.trainer.TrainerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One file at an http(s) URL, checked against its SHA-256 while it streams when one is given. */
public final class UrlFileSource implements FileSource {
    private final SourceHttp http;
    private final URI uri;
    private final String filename;
    private final String sha256;
    private final String what;

    /** @param filename the name in the dataset, or null for the last segment of the URL's path */
    public UrlFileSource(SourceHttp http, URI uri, String filename, String sha256, String what)
            throws SourceException {
        this.http = http;
        this.uri = uri;
        this.filename = FileNames.require(filename != null ? filename : lastSegment(uri, what), what);
        this.sha256 = sha256;
        this.what = what + " (" + this.filename + ")";
    }

    /** The size the server names; without one, the file is counted (and verified) by reading it once. */
    @Override
    public List<DesiredFile> list() throws SourceException {
        long size = http.size(uri, what);
        if (size >= 0) {
            return List.of(new DesiredFile(filename, size));
        }
        try (SourceHttp.Response response = http.open(uri, what)) {
            VerifiedStream counted = new VerifiedStream(response.body(), what, -1, http.limits().maxBytes(), sha256);
            counted.transferTo(java.io.OutputStream.nullOutputStream());
            return List.of(new DesiredFile(filename, counted.count()));
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String listingKey() {
        return "url|" + uri + "|" + filename + "|" + sha256;
    }

    @Override
    public void read(List<DesiredFile> wanted, FileSink sink) throws SourceException, TrainerException {
        for (DesiredFile file : wanted) {
            if (!file.name().equals(filename)) {
                continue;
            }
            try (SourceHttp.Response response = http.open(uri, what)) {
                if (response.length() >= 0 && response.length() != file.size()) {
                    throw new SourceException(what + ": the file is now " + response.length() + " bytes, it was "
                            + file.size());
                }
                InputStream verified = new VerifiedStream(response.body(), what, file.size(),
                        http.limits().maxBytes(), sha256);
                sink.accept(file, verified);
            } catch (SourceException | TrainerException e) {
                throw e;
            } catch (IOException e) {
                throw new SourceException(what + ": " + e.getMessage(), e);
            }
        }
    }

    private static String lastSegment(URI uri, String what) throws SourceException {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String last = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        if (last.isBlank()) {
            throw new SourceException(what + ": the URL's path has no file name; set filename");
        }
        return last;
    }
}
