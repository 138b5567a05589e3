package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strings from the API as they may reach status, Events and logs. */
class RemoteTextTest {

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void controlAndFormattingCharactersAreRemovedAndBreaksBecomeOneSpace() {
        assertThat(RemoteText.of("\u001b[31mred\u001b[0m alert\u0000\u0007")).isEqualTo("[31mred[0m alert");
        assertThat(RemoteText.of("line one\r\nInjected: two\tthree\u2028four")).isEqualTo("line one Injected: two three four");
        assertThat(RemoteText.of("admin\u202Egnp.exe")).isEqualTo("admingnp.exe");
        assertThat(RemoteText.of("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
        assertThat(RemoteText.of("  \n ")).isEmpty();
        assertThat(RemoteText.of(null)).isNull();
        assertThat(RemoteText.of("Job failed: Ünïcode ✓ 🚀")).isEqualTo("Job failed: Ünïcode ✓ 🚀");
    }

    @Test
    void longTextIsCutAt2KiBOfUtf8WithoutSplittingACharacter() {
        String ascii = RemoteText.of("x".repeat(100_000));
        assertThat(bytes(ascii)).isEqualTo(RemoteText.MAX_BYTES);
        assertThat(ascii).endsWith("x…");
        String emoji = RemoteText.of("🚀".repeat(10_000)); // 4 bytes and 2 chars each
        assertThat(bytes(emoji)).isLessThanOrEqualTo(RemoteText.MAX_BYTES);
        assertThat(emoji.replace("🚀", "")).isEqualTo("…");
        String fits = "é".repeat(RemoteText.MAX_BYTES / 2);
        assertThat(RemoteText.of(fits)).isEqualTo(fits);
    }

    @Test
    void anIdIsUsedVerbatimOrNotAtAll() {
        assertThat(RemoteText.identifier("7f6a0c2e-job")).isEqualTo("7f6a0c2e-job");
        assertThat(RemoteText.identifier("job\n1")).isNull();
        assertThat(RemoteText.identifier("job\u001b1")).isNull();
        assertThat(RemoteText.identifier(" job")).isNull();
        assertThat(RemoteText.identifier("")).isNull();
        assertThat(RemoteText.identifier("j".repeat(RemoteText.MAX_BYTES))).hasSize(RemoteText.MAX_BYTES);
        assertThat(RemoteText.identifier("j".repeat(RemoteText.MAX_BYTES + 1))).isNull();
    }

    @Test
    void aUrlIsUsedVerbatimOrNotAtAll() {
        assertThat(RemoteText.url("https://f/a.safetensors")).isEqualTo("https://f/a.safetensors");
        assertThat(RemoteText.url("ftp://f/a")).isNull();
        assertThat(RemoteText.url("https://f/a b")).isNull();
        assertThat(RemoteText.url("https://f/a\r\nSet-Cookie: x")).isNull();
        assertThat(RemoteText.url("https://f/" + "a".repeat(RemoteText.MAX_BYTES))).isNull();
    }
}
