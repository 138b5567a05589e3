package dev.loraoperator.reconciler;

import dev.loraoperator.simulator.Faults;
import dev.loraoperator.simulator.Operation;
import java.time.Duration;

/** The rows of the fault matrix: each simulator fault, armed for exactly one call of one operation. */
enum MatrixFault {
    RATE_LIMITED("429, Retry-After: 30") {
        void arm(Faults faults, Operation op) {
            faults.rateLimit(op, 1, 30);
        }
    },
    RATE_LIMITED_BARE("429, no Retry-After") {
        void arm(Faults faults, Operation op) {
            faults.rateLimit(op, 1, (String) null);
        }
    },
    SERVER_ERROR("503") {
        void arm(Faults faults, Operation op) {
            faults.serverError(op, 1);
        }
    },
    SERVER_ERROR_AFTER_PROCESSING("502 after processing") {
        void arm(Faults faults, Operation op) {
            faults.serverErrorAfterProcessing(op, 1);
        }
    },
    HANG("hang past the 2 s timeout") {
        void arm(Faults faults, Operation op) {
            faults.hang(op, 1, Duration.ofSeconds(30));
        }
    },
    RESET("connection reset") {
        void arm(Faults faults, Operation op) {
            faults.resetConnection(op, 1);
        }
    },
    MALFORMED("200, malformed JSON") {
        void arm(Faults faults, Operation op) {
            faults.malformed(op, 1);
        }
    },
    MISSING_FIELDS("200 without id, status, artifacts") {
        void arm(Faults faults, Operation op) {
            faults.missingFields(op, 1, "id", "status", "artifacts");
        }
    },
    UNKNOWN_STATUS("200, status WARMING_UP") {
        void arm(Faults faults, Operation op) {
            faults.unknownStatus(op, 1, "WARMING_UP");
        }
    },
    NOT_FOUND("404") {
        void arm(Faults faults, Operation op) {
            faults.refuse(op, 1, 404, 40400, "job not found");
        }
    },
    OVERSIZED("200, body of 1 MiB + 1 byte") {
        void arm(Faults faults, Operation op) {
            faults.oversized(op, 1, (1 << 20) + 1);
        }
    };

    final String label;

    MatrixFault(String label) {
        this.label = label;
    }

    /** Spoils the next call of {@code op}, and only that one. */
    abstract void arm(Faults faults, Operation op);
}
