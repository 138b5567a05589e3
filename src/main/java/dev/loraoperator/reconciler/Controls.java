package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import java.time.Instant;

/** Builds the {@link ControlInput} of a pass, and tells whether the spec asks for a call on a settled job. */
final class Controls {
    private Controls() {
    }

    static ControlInput input(Pass pass) {
        LoraTrainingJob job = pass.job;
        var config = pass.inputs.config();
        return new ControlInput(job.getSpec(), pass.status, config == null ? null : config.hash(),
                config == null ? null : config.name(),
                pass.inputs.fingerprint(String.valueOf(job.getSpec().getGpuType()), job.getSpec().gpuCountOrDefault()),
                Instant.parse(pass.now));
    }

    /** True when a control call (or the confirmation of one) is due, so the job must be read again. */
    static boolean pending(Pass pass) {
        Control.Kind kind = ControlPlanner.decide(input(pass)).kind();
        return kind == Control.Kind.CALL || kind == Control.Kind.CONFIRM || kind == Control.Kind.WAIT;
    }
}
