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

    /**
     * @param configuredSteps train.steps of the submitted config (the final model's step), or null when unknown
     * @param configName config.name of the submitted config, or null when unknown
     */
    public static Artifacts artifactsOf(RemoteResult result, Long configuredSteps, String configName) {
        Artifacts artifacts = new Artifacts();
        artifacts.setConfig(result.configUrl());
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (String url : result.checkpointUrls()) {
            checkpoints.add(checkpoint(url, configuredSteps, configName));
        }
        // Oldest first; the final model counts as the last step.
        checkpoints.sort(Comparator.comparing(c -> c.getStep() == null ? Long.MAX_VALUE : c.getStep()));
        artifacts.setCheckpoints(newest(checkpoints, MAX_CHECKPOINTS));
        artifacts.setLatestCheckpoint(checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1));
        artifacts.setSamples(newest(result.sampleUrls(), MAX_SAMPLES));
        artifacts.setSampleCount(result.sampleUrls().size());
        return artifacts;
    }

    /** True when the final model is among the checkpoints: AI Toolkit writes it once, at the end of training. */
    public static boolean hasFinalCheckpoint(RemoteResult result, String configName) {
        return result.checkpointUrls().stream().map(ArtifactsMapper::fileName)
                .anyMatch(name -> isFinal(name, configName));
    }

    static Checkpoint checkpoint(String url, Long configuredSteps, String configName) {
        String name = fileName(url);
        if (isFinal(name, configName)) {
            return new Checkpoint(name, configuredSteps, url);
        }
        Matcher matcher = STEP.matcher(name);
        return new Checkpoint(name, matcher.find() ? parseStep(matcher.group(1)) : null, url);
    }

    /**
     * The final model is {config.name}.safetensors exactly, even when the name itself ends in _digits (lora_2024);
     * any other .safetensors file without a step suffix is taken as a renamed final model.
     */
    static boolean isFinal(String file, String configName) {
        if (!file.endsWith(".safetensors")) {
            return false;
        }
        return (configName != null && file.equals(configName + ".safetensors")) || !STEP.matcher(file).find();
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
