package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An error reported by the Trainer API or found by validation. */
public class JobError {
    @JsonPropertyDescription("Machine-readable code, e.g. the API's error_code or InvalidConfig.")
    private String code;
    @JsonPropertyDescription("What went wrong, in words.")
    private String message;

    public JobError() {
    }

    public JobError(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
}
