package dev.loraoperator.status;

/** The condition types a LoraTrainingJob reports (design.md). */
public enum ConditionType {
    Accepted, Submitted, Running, Succeeded, Failed, Suspended, Synced, Finished, DatasetsReady
}
