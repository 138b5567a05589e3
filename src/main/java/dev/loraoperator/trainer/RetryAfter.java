package dev.loraoperator.trainer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a 429's Retry-After header (seconds or an HTTP date) as a pause of 1 second to 10 minutes. */
final class RetryAfter {
    /** The longest pause any answer can impose: a proxy's "86400" must not stall cancels for a day. */
    static final Duration MAX = Duration.ofMinutes(10);
    static final Duration MIN = Duration.ofSeconds(1);
    /** Missing, negative or unreadable: long enough not to hammer the API, short enough not to stall. */
    static final Duration DEFAULT = Duration.ofSeconds(5);

    private RetryAfter() {
    }

    static Duration parse(String header, Instant now) {
        String value = header == null ? "" : header.strip();
        if (value.matches("\\d+")) {
            try {
                return capped(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException | ArithmeticException tooLarge) {
                return MAX;
            }
        }
        try {
            Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return capped(Duration.between(now, until));
        } catch (DateTimeParseException notADate) {
            return DEFAULT;
        }
    }

    private static Duration capped(Duration pause) {
        return pause.compareTo(MIN) < 0 ? MIN : pause.compareTo(MAX) > 0 ? MAX : pause;
    }
}
