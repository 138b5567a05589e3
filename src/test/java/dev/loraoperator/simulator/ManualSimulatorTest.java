package dev.loraoperator.simulator;

import org.junit.jupiter.api.AfterEach;

/**
 * A fresh simulator with a manual timeline per test (no faults, jobs or records from another test), and a client
 * that talks to it with the right token.
 */
public abstract class ManualSimulatorTest {
    protected static final String TOKEN = "test-token";

    protected final TrainerSimulator sim = TrainerSimulator.start(0, TOKEN, Timeline.manual());
    final SimClient client = new SimClient(sim.baseUrl(), TOKEN);

    @AfterEach
    void closeSimulator() {
        sim.close();
    }
}
