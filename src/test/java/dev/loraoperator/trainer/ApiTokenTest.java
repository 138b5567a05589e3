package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A token is checked once, when made: an ApiToken can always be sent, and never shows itself. */
class ApiTokenTest {

    @Test
    void aTokenThatCannotBeSentIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new ApiToken("sk-secret-one\r\nX-Injected: yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break")
                .hasMessageNotContaining("sk-secret").hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> new ApiToken("   ")).hasMessageContaining("empty");
    }

    @Test
    void surroundingWhitespaceIsNotPartOfTheToken() {
        assertThat(new ApiToken(" sk-abc\n")).isEqualTo(new ApiToken("sk-abc"));
        assertThat(new ApiToken("sk-abc").reveal()).isEqualTo("sk-abc");
        assertThat(new ApiToken("sk-abc")).hasToString("ApiToken[redacted]");
    }
}
