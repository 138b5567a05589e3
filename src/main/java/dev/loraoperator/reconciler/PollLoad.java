package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.metrics.OperatorMetrics;
import dev.loraoperator.metrics.PollCadence;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.status.Lifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The active jobs this instance polls, by cadence, kept up to date from the status each pass leaves (no list call),
 * and the {@link PollBudget} they make: exported as a metric, logged when it changes enough to matter.
 */
@ApplicationScoped
public class PollLoad {
    private static final Logger LOG = Logger.getLogger(PollLoad.class);

    private final OperatorSettings settings;
    private final OperatorMetrics metrics;
    private final Map<String, PollCadence> polled = new HashMap<>();
    private final Map<PollCadence, Integer> counts = new EnumMap<>(PollCadence.class);
    private double reported = 1;

    public PollLoad(OperatorSettings settings, OperatorMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Counts the job at the cadence its status asks for (or no longer, once nothing polls it); the budget now. */
    synchronized PollBudget track(String uid, LoraTrainingJobStatus status) {
        PollCadence now = Lifecycle.needsLook(status) ? Schedule.cadence(status) : null;
        PollCadence before = now == null ? polled.remove(uid) : polled.put(uid, now);
        count(before, now);
        return refresh();
    }

    /** The resource is gone. */
    synchronized void forget(String uid) {
        count(polled.remove(uid), null);
        refresh();
    }

    private void count(PollCadence before, PollCadence now) {
        if (before != null) {
            counts.merge(before, -1, Integer::sum);
        }
        if (now != null) {
            counts.merge(now, 1, Integer::sum);
        }
    }

    /** The budget of the jobs counted now, to the metric, and to the log if it changed enough. */
    private PollBudget refresh() {
        PollBudget budget = new PollBudget(counts.getOrDefault(PollCadence.QUEUED, 0),
                counts.getOrDefault(PollCadence.RUNNING, 0), settings.poll().queuedInterval(),
                settings.poll().runningInterval(), settings.trainer().requestsPerSecond());
        double stretch = budget.stretch();
        metrics.pollStretch(stretch);
        if (PollBudget.worthReporting(reported, stretch)) {
            reported = stretch;
            if (stretch > 1) {
                LOG.warn(budget.report());
            } else {
                LOG.info(budget.report());
            }
        }
        return budget;
    }
}
