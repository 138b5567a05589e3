package dev.loraoperator.simulator;

import org.junit.jupiter.api.AfterEach;

/** A fresh simulator with a manual timeline per test, and a client that talks to it with the right token. */
abstract class ManualSimulatorTest {
    static final String TOKEN = "test-token";

    final TrainerSimulator sim = TrainerSimulator.start(0, TOKEN, Timeline.manual());
    final SimClient client = new SimClient(sim.baseUrl(), TOKEN);

    @AfterEach
    void close() {
        sim.close();
    }
}
