package dev.loraoperator.status;

/** A yes/no judgement with its reason (CamelCase) and a sentence for the user. */
public record Verdict(boolean ok, String reason, String message) {
    public static Verdict yes(String reason, String message) {
        return new Verdict(true, reason, message);
    }

    public static Verdict no(String reason, String message) {
        return new Verdict(false, reason, message);
    }
}
