package dev.loraoperator.api.v1alpha1;

/** A call the operator makes to steer an existing remote job. */
public enum ControlAction {
    Cancel, Resume, Edit
}
