package dev.loraoperator.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds symbolic links in a zip read as a stream. A zip records an entry's Unix mode only in the central directory
 * at the end of the file, which a streaming reader meets last; so the last bytes of the archive are kept (bounded)
 * and the directory's records for the entries seen are read from them.
 */
final class ZipCentralDirectory {
    private static final int TAIL = 16 * 1024 * 1024;
    private static final int UNIX = 3;
    private static final int SYMLINK = 0120000;

    private ZipCentralDirectory() {
    }

    /** Keeps the last {@value #TAIL} bytes that pass through. */
    static final class Tail extends FilterInputStream {
        private final byte[] ring = new byte[TAIL];
        private long total;

        Tail(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n; i++) {
                ring[(int) ((total + i) % TAIL)] = b[off + i];
            }
            total += Math.max(n, 0);
            return n;
        }

        byte[] bytes() {
            int size = (int) Math.min(total, TAIL);
            byte[] out = new byte[size];
            for (int i = 0; i < size; i++) {
                out[i] = ring[(int) ((total - size + i) % TAIL)];
            }
            return out;
        }

    }

    /**
     * Whether each of {@code names} is a Unix symbolic link, for the names whose central directory record is in the
     * tail. A record counts only when its name is one of the entries read, so bytes of file data that happen to look
     * like a record are ignored.
     */
    static Map<String, Boolean> links(byte[] tail, Collection<String> names) {
        Map<String, Boolean> found = new HashMap<>();
        for (int i = 0; i + 46 <= tail.length; i++) {
            if (tail[i] != 'P' || tail[i + 1] != 'K' || tail[i + 2] != 1 || tail[i + 3] != 2) {
                continue;
            }
            int host = tail[i + 5] & 0xff;
            int nameLength = u16(tail, i + 28);
            long attributes = u32(tail, i + 38);
            if (i + 46 + nameLength > tail.length) {
                continue;
            }
            String name = new String(tail, i + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            if (names.contains(name)) {
                found.merge(name, host == UNIX && ((attributes >>> 16) & 0170000) == SYMLINK, Boolean::logicalOr);
            }
        }
        return found;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }
}
