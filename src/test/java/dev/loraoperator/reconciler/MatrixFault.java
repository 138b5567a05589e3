package dev.loraoperator.reconciler;

import dev.loraoperator.simulator.Faults;
import dev.loraoperator.simulator.Operation;
import java.time.Duration;
import java.util.function.BiConsumer;

/** The rows of the fault matrix: each simulator fault, armed for exactly one call of one operation. */
enum MatrixFault {
    RATE_LIMITED("429, Retry-After: 30", (faults, op) -> faults.rateLimit(op, 1, 30)),
    RATE_LIMITED_BARE("429, no Retry-After", (faults, op) -> faults.rateLimit(op, 1, (String) null)),
    SERVER_ERROR("503", (faults, op) -> faults.serverError(op, 1)),
    SERVER_ERROR_AFTER_PROCESSING("502 after processing", (faults, op) -> faults.serverErrorAfterProcessing(op, 1)),
    HANG("hang past the 2 s timeout", (faults, op) -> faults.hang(op, 1, Duration.ofSeconds(30))),
    RESET("connection reset", (faults, op) -> faults.resetConnection(op, 1)),
    MALFORMED("200, malformed JSON", (faults, op) -> faults.malformed(op, 1)),
    MISSING_FIELDS("200 without id, status, artifacts",
            (faults, op) -> faults.missingFields(op, 1, "id", "status", "artifacts")),
    UNKNOWN_STATUS("200, status WARMING_UP", (faults, op) -> faults.unknownStatus(op, 1, "WARMING_UP")),
    NOT_FOUND("404", (faults, op) -> faults.refuse(op, 1, 404, 40400, "job not found")),
    OVERSIZED("200, body of 1 MiB + 1 byte", (faults, op) -> faults.oversized(op, 1, (1 << 20) + 1));

    final String label;
    private final BiConsumer<Faults, Operation> arming;

    MatrixFault(String label, BiConsumer<Faults, Operation> arming) {
        this.label = label;
        this.arming = arming;
    }

    /** Spoils the next call of {@code op}, and only that one. */
    void arm(Faults faults, Operation op) {
        arming.accept(faults, op);
    }
}
