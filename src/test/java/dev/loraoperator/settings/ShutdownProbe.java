package dev.loraoperator.settings;

/** Run in a JVM of its own: prints what shuttingDown() says while running, and again from a shutdown hook. */
public final class ShutdownProbe {
    private ShutdownProbe() {
    }

    public static void main(String[] args) {
        System.out.println("running: " + LeaderElectionProducer.shuttingDown());
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> System.out.println("shutting down: " + LeaderElectionProducer.shuttingDown())));
    }
}
