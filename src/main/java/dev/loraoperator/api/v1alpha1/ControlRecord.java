package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The last cancel, resume or edit the operator sent, so that no intent is ever sent twice. */
public class ControlRecord {
    @JsonPropertyDescription("Cancel, Resume or Edit.")
    private ControlAction action;
    @JsonPropertyDescription("Suspend, DeadlineExceeded, Unsuspend, AutoResume or ConfigChange.")
    private ControlCause cause;
    @JsonPropertyDescription("Requested (recorded before the call), Done or Refused.")
    private ControlState state;
    @JsonPropertyDescription("When the call was made (RFC 3339).")
    private String at;
    @JsonPropertyDescription("Fingerprint of the inputs a refused call was made with; it is not repeated until they change.")
    private String inputFingerprint;
    @JsonPropertyDescription("What the API answered, when it refused.")
    private String message;

    public ControlRecord() {
    }

    public ControlRecord(ControlAction action, ControlCause cause, ControlState state, String at) {
        this.action = action;
        this.cause = cause;
        this.state = state;
        this.at = at;
    }

    public boolean is(ControlAction action, ControlCause cause) {
        return this.action == action && this.cause == cause;
    }

    public ControlAction getAction() { return action; }
    public void setAction(ControlAction action) { this.action = action; }
    public ControlCause getCause() { return cause; }
    public void setCause(ControlCause cause) { this.cause = cause; }
    public ControlState getState() { return state; }
    public void setState(ControlState state) { this.state = state; }
    public String getAt() { return at; }
    public void setAt(String at) { this.at = at; }
    public String getInputFingerprint() { return inputFingerprint; }
    public void setInputFingerprint(String inputFingerprint) { this.inputFingerprint = inputFingerprint; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
}
