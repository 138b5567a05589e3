package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;

/**
 * What {@link ControlPlanner} decided for a submitted job.
 *
 * @param kind NONE, CALL (send {@code action}), CONFIRM (an earlier call took effect), WAIT or BLOCKED
 * @param reason CamelCase reason for WAIT and BLOCKED (the Synced condition)
 */
public record Control(Kind kind, ControlAction action, ControlCause cause, String reason, String message) {
    public enum Kind { NONE, CALL, CONFIRM, WAIT, BLOCKED }

    public static final Control NONE = new Control(Kind.NONE, null, null, null, null);

    static Control call(ControlAction action, ControlCause cause) {
        return new Control(Kind.CALL, action, cause, null, null);
    }

    static Control confirm() {
        return new Control(Kind.CONFIRM, null, null, null, null);
    }

    static Control waiting(String reason, String message) {
        return new Control(Kind.WAIT, null, null, reason, message);
    }

    static Control blocked(String reason, String message) {
        return new Control(Kind.BLOCKED, null, null, reason, message);
    }
}
