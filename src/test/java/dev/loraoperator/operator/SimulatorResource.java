package dev.loraoperator.operator;

import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts one Trainer API simulator (manual timeline) for the operator tests and points the operator at it. */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "sk-test-7f3a9c1e5b2d4680-do-not-log";
    private static TrainerSimulator simulator;

    public static TrainerSimulator simulator() {
        return simulator;
    }

    @Override
    public Map<String, String> start() {
        simulator = TrainerSimulator.start(0, TOKEN, Timeline.manual());
        return Map.of("lora-operator.trainer.base-url", simulator.baseUrl());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
