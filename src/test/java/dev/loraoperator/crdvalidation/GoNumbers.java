package dev.loraoperator.crdvalidation;

import java.math.BigDecimal;

/** Numbers as Go's {@code %v} prints a float64 bound in kube-openapi messages: {@code 1}, not {@code 1.0}. */
final class GoNumbers {

    private GoNumbers() {
    }

    static String format(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }
}
