package dev.loraoperator.trainer;

import java.nio.charset.StandardCharsets;

/** Makes a string from the Trainer API safe for status, Events and logs: no control characters, at most 2 KiB. */
public final class RemoteText {
    /** The most UTF-8 bytes one string from the API may take (design.md, "Faults"). */
    public static final int MAX_BYTES = 2048;
    private static final String CUT = "…";

    private RemoteText() {
    }

    /**
     * Free text (messages, codes, status words, names): line breaks and tabs become one space, other control and
     * formatting characters (escape sequences, bidi overrides, lone surrogates) are dropped, and the result is cut
     * to {@link #MAX_BYTES} with a trailing "…". Null stays null.
     */
    public static String of(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(raw.length(), MAX_BYTES));
        raw.codePoints().forEach(cp -> {
            if (isBreak(cp)) {
                if (clean.length() == 0 || clean.charAt(clean.length() - 1) != ' ') {
                    clean.append(' '); // "\r\n" is one break
                }
            } else if (isVisible(cp)) {
                clean.appendCodePoint(cp);
            }
        });
        return shortened(clean.toString().strip(), MAX_BYTES);
    }

    /**
     * A value the operator sends back to the API (a job id): returned only when it is usable verbatim. Removing
     * characters from an id or cutting it would name another job, so an unusable id is treated as missing.
     */
    public static String identifier(String raw) {
        return raw != null && !raw.isBlank() && raw.equals(of(raw)) && utf8Length(raw) <= MAX_BYTES ? raw : null;
    }

    /** An http(s) URL usable verbatim, or null: a shortened URL would point somewhere else. */
    public static String url(String raw) {
        String url = identifier(raw);
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.indexOf(' ') < 0
                ? url : null;
    }

    /** {@code text} cut to at most {@code maxBytes} of UTF-8, with a trailing "…" when cut. Null stays null. */
    public static String shortened(String text, int maxBytes) {
        if (text == null || utf8Length(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - utf8Length(CUT);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            budget -= utf8Length(Character.toString(cp));
            if (budget < 0) {
                break;
            }
            kept.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return kept + CUT;
    }

    private static boolean isBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isVisible(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
