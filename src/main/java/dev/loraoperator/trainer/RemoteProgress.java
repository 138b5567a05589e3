package dev.loraoperator.trainer;

/** Step progress as reported by the status endpoint; percent may be null. */
public record RemoteProgress(long currentStep, long totalSteps, Double percent) {
}
