package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.Checkpoint;
import dev.loraoperator.api.v1alpha1.Progress;
import dev.loraoperator.trainer.RemoteProgress;
import java.util.List;

/** Works out training progress: from the API when it says, else from checkpoint file names. */
public final class ProgressMapper {
    public static final String FROM_API = "Api";
    public static final String FROM_CHECKPOINTS = "Checkpoints";

    private ProgressMapper() {
    }

    /**
     * @param checkpoints what /result listed so far (may be empty)
     * @param configuredSteps train.steps of the submitted config, or null when unknown
     * @param hasFinalCheckpoint true when a checkpoint without a step suffix exists (the end of the loop)
     */
    public static Progress progressOf(RemoteProgress api, List<Checkpoint> checkpoints, Long configuredSteps,
            boolean hasFinalCheckpoint, Progress previous) {
        if (api != null && api.totalSteps() > 0) {
            long current = Math.min(Math.max(api.currentStep(), 0), api.totalSteps());
            int percent = api.percent() != null ? clampPercent(api.percent())
                    : (int) (current * 100 / api.totalSteps());
            return progress(current, api.totalSteps(), percent, FROM_API);
        }
        if (configuredSteps != null && configuredSteps > 0) {
            long current = hasFinalCheckpoint ? configuredSteps : highestStep(checkpoints);
            if (current > 0) {
                current = Math.min(current, configuredSteps);
                return progress(current, configuredSteps, (int) (current * 100 / configuredSteps), FROM_CHECKPOINTS);
            }
        }
        return previous;
    }

    private static long highestStep(List<Checkpoint> checkpoints) {
        return checkpoints.stream().map(Checkpoint::getStep).filter(s -> s != null).mapToLong(Long::longValue)
                .max().orElse(0);
    }

    private static int clampPercent(double percent) {
        return (int) Math.max(0, Math.min(100, Math.floor(percent)));
    }

    private static Progress progress(long current, long total, int percent, String source) {
        return new Progress(current, total, percent, current + "/" + total + " (" + percent + "%)", source);
    }
}
