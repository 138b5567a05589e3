package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.RecordedRequest;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Duration;
import java.util.List;

/**
 * The columns of the fault matrix: each Trainer API operation, with how a job gets to the point where the next step
 * of the operator makes that call. Cancel appears twice: by {@code spec.suspend} (a pass) and by a delete (the
 * finalizer), whose refusal must never release the resource.
 */
enum MatrixOperation {
    SUBMIT("submit", Operation.SUBMIT) {
        void prepare(ReconcileHarness h) {
        }
    },
    STATUS("status", Operation.STATUS) {
        void prepare(ReconcileHarness h) {
            running(h, 300);
            h.advance(Duration.ofSeconds(20)); // the running poll interval
        }
    },
    RESULT("result", Operation.RESULT) {
        void prepare(ReconcileHarness h) {
            String jobId = running(h, 300); // one checkpoint (save_every 250) known
            assertThat(h.status().getArtifacts().getCheckpoints()).hasSize(1);
            h.sim.job(jobId).advanceTo(600); // a save point passed: the next pass reads /result
            h.advance(Duration.ofSeconds(20));
        }
    },
    CANCEL_SUSPEND("cancel (suspend)", Operation.CANCEL) {
        void prepare(ReconcileHarness h) {
            running(h, 300);
            h.editSpec(j -> j.getSpec().setSuspend(true));
        }
    },
    CANCEL_DELETE("cancel (delete)", Operation.CANCEL) {
        void prepare(ReconcileHarness h) {
            running(h, 300);
        }

        Step step(ReconcileHarness h) {
            int before = h.sim.requests().size();
            DeleteControl control = h.delete();
            return new Step(since(h, before), control.getScheduleDelay().map(Duration::ofMillis).orElse(null),
                    control.isRemoveFinalizer());
        }
    },
    RESUME("resume", Operation.RESUME) {
        void prepare(ReconcileHarness h) {
            suspended(h);
            h.editSpec(j -> j.getSpec().setSuspend(false));
        }
    },
    EDIT("edit", Operation.EDIT) {
        void prepare(ReconcileHarness h) {
            suspended(h); // stays suspended: the edit is sent, no resume follows
            h.editSpec(j -> ((ObjectNode) j.getSpec().getConfig().path("config").path("process").get(0)
                    .path("train")).put("steps", 2000));
        }
    };

    /** What one step of the operator did: the requests it sent, when it asked to come back, and for a delete whether it let go. */
    record Step(List<RecordedRequest> requests, Duration next, boolean released) {
    }

    final String label;
    final Operation target;

    MatrixOperation(String label, Operation target) {
        this.label = label;
        this.target = target;
    }

    /** Brings a freshly created job to where the operator's next step calls {@link #target}. */
    abstract void prepare(ReconcileHarness h);

    /** The operator's next step: a reconcile pass, or for a deleted resource the finalizer. */
    Step step(ReconcileHarness h) {
        ReconcileHarness.Pass pass = h.pass();
        return new Step(pass.requests(), pass.rescheduleAfter(), false);
    }

    private static List<RecordedRequest> since(ReconcileHarness h, int before) {
        List<RecordedRequest> all = h.sim.requests();
        return List.copyOf(all.subList(before, all.size()));
    }

    /** Submits the job and starts it running at {@code step}; returns the remote job id. */
    static String running(ReconcileHarness h, int step) {
        assertThat(h.pass().sent(Operation.SUBMIT)).isEqualTo(1);
        String jobId = h.jobId();
        h.sim.job(jobId).start().advanceTo(step);
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Running);
        return jobId;
    }

    private static void suspended(ReconcileHarness h) {
        running(h, 300);
        h.editSpec(j -> j.getSpec().setSuspend(true));
        assertThat(h.pass().sent(Operation.CANCEL)).isEqualTo(1);
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Suspended);
    }
}
