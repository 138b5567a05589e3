package dev.loraoperator.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the "file" part of a multipart/form-data upload (RFC 7578) through a digest: its file name, size and
 * SHA-256 come out, its bytes are never kept. The closing delimiter is found with KMP, byte by byte.
 */
final class MultipartReader {
    /** The file of an upload, as counted. */
    record Part(String filename, long size, String sha256) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern DISPOSITION = Pattern.compile(
            "form-data;\\s*name=\"([^\"]*)\";\\s*filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LINE = 8192;

    private MultipartReader() {
    }

    static Part read(String contentType, InputStream in, long limit) throws IOException {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !boundary.find()) {
            throw ApiError.invalid("the upload must be multipart/form-data with a boundary");
        }
        String delimiter = "--" + boundary.group(1);
        if (!delimiter.equals(line(in))) {
            throw ApiError.invalid("the multipart body does not start with its boundary");
        }
        String filename = null;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            Matcher m = DISPOSITION.matcher(header);
            if (header.toLowerCase(Locale.ROOT).startsWith("content-disposition:") && m.find()) {
                if (!"file".equals(m.group(1))) {
                    throw ApiError.invalid("the file must be sent in the form field \"file\"");
                }
                filename = m.group(2);
            }
        }
        if (filename == null || filename.isBlank()) {
            throw ApiError.invalid("the form field \"file\" carries no file name");
        }
        CountingDigest digest = content(in, ("\r\n" + delimiter).getBytes(StandardCharsets.ISO_8859_1), limit);
        return new Part(filename, digest.count(), digest.hex());
    }

    /** Hashes bytes up to the delimiter; a byte of a partial match is counted once the match breaks. */
    private static CountingDigest content(InputStream in, byte[] delimiter, long limit) throws IOException {
        int[] fail = failure(delimiter);
        CountingDigest digest = new CountingDigest();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            while (matched > 0 && (byte) b != delimiter[matched]) {
                int next = fail[matched - 1];
                digest.update(delimiter, 0, matched - next);
                matched = next;
            }
            if ((byte) b == delimiter[matched]) {
                if (++matched == delimiter.length) {
                    return digest;
                }
            } else {
                digest.update((byte) b);
            }
            if (digest.count() > limit) {
                throw new ApiError(413, 41301, "file larger than the direct upload limit; use get-upload-endpoint");
            }
        }
        throw ApiError.invalid("the multipart body ends before its closing boundary");
    }

    private static int[] failure(byte[] pattern) {
        int[] fail = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = fail[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            fail[i] = k;
        }
        return fail;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (bytes.size() >= MAX_LINE) {
                break;
            }
            bytes.write(b);
        }
        throw ApiError.invalid("the multipart headers are cut off or too long");
    }
}
