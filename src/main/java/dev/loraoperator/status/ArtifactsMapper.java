package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.Artifacts;
import dev.loraoperator.api.v1alpha1.Checkpoint;
import dev.loraoperator.trainer.RemoteResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns /result into bounded artifact lists, so the object stays far below the 1.5 MiB limit. */
public final class ArtifactsMapper {
    public static final int MAX_CHECKPOINTS = 20;
    public static final int MAX_SAMPLES = 10;
    /** AI Toolkit names step checkpoints {name}_{step}.safetensors; RunComfy may drop the zero padding. */
    private static final Pattern STEP = Pattern.compile("_(\\d+)\\.safetensors$");

    private ArtifactsMapper() {
    }

    public static Artifacts artifactsOf(RemoteResult result, Long configuredSteps) {
        Artifacts artifacts = new Artifacts();
        artifacts.setConfig(result.configUrl());
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (String url : result.checkpointUrls()) {
            checkpoints.add(checkpoint(url, configuredSteps));
        }
        // Oldest first; the final model (no step suffix) counts as the last step.
        checkpoints.sort(Comparator.comparing(c -> c.getStep() == null ? Long.MAX_VALUE : c.getStep()));
        artifacts.setCheckpoints(newest(checkpoints, MAX_CHECKPOINTS));
        artifacts.setLatestCheckpoint(checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1));
        artifacts.setSamples(newest(result.sampleUrls(), MAX_SAMPLES));
        artifacts.setSampleCount(result.sampleUrls().size());
        return artifacts;
    }

    /** True when a checkpoint has no step suffix: AI Toolkit writes that one file at the end of training. */
    public static boolean hasFinalCheckpoint(RemoteResult result) {
        return result.checkpointUrls().stream().map(ArtifactsMapper::fileName)
                .anyMatch(name -> name.endsWith(".safetensors") && !STEP.matcher(name).find());
    }

    static Checkpoint checkpoint(String url, Long configuredSteps) {
        String name = fileName(url);
        Matcher matcher = STEP.matcher(name);
        Long step = null;
        if (matcher.find()) {
            step = parseStep(matcher.group(1));
        } else if (name.endsWith(".safetensors")) {
            step = configuredSteps;
        }
        return new Checkpoint(name, step, url);
    }

    private static Long parseStep(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    static String fileName(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        if (path == null) {
            path = url;
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static <T> List<T> newest(List<T> items, int limit) {
        return new ArrayList<>(items.subList(Math.max(0, items.size() - limit), items.size()));
    }
}
