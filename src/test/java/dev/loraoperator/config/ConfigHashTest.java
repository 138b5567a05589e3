package dev.loraoperator.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigHashTest {

    @Test
    void isTheFirst16LowercaseHexDigitsOfSha256() {
        // Known SHA-256 vectors: "" -> e3b0c442..., "abc" -> ba7816bf...
        assertThat(ConfigHash.of("")).isEqualTo("e3b0c44298fc1c14");
        assertThat(ConfigHash.of("abc")).isEqualTo("ba7816bf8f01cfea");
    }

    @Test
    void hashesTheUtf8BytesOfTheText() {
        // sha256 of the bytes c3 bc; the Latin-1 byte fc would give 98722e2ebed8ed3d.
        assertThat(ConfigHash.of("\u00fc")).isEqualTo("607474ca475a9724");
    }
}
