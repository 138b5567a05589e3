package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;

/** What one pass does, decided once by {@link Decider}: at most one remote change. */
public sealed interface Decision {

    /** Submit the job: the first time, or once more as the retry-submission annotation allows. */
    record Submit(boolean retry) implements Decision {
    }

    /** Follow a remote job from now on: named by the adopt-job-id annotation, or a submission answer recovered. */
    record Adopt(String jobId, String how) implements Decision {
    }

    /** A submission's outcome is unknown ({@code why}): stop and ask a person, never submit again by guess. */
    record MarkUncertain(String why) implements Decision {
    }

    /** Send one cancel, resume or edit. */
    record Send(ControlAction action, ControlCause cause) implements Decision {
    }

    /** Something stands in the way; say why (the Synced condition) and make no call. */
    record Hold(String reason, String message) implements Decision {
    }

    /** Nothing to send: follow what was observed. */
    record Idle() implements Decision {
    }
}
