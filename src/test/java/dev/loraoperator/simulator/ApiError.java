package dev.loraoperator.simulator;

/** An error answer, HTTP status plus the 5-digit error_code of trainer-api.md §5.2, raised while handling. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;

    ApiError(int status, int code, String message) {
        // no stack trace: these are answers, not bugs
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError invalid(String message) {
        return new ApiError(422, 42251, message);
    }

    static ApiError notFound() {
        return new ApiError(404, 40451, "job not found");
    }

    static ApiError conflict(int code, String message) {
        return new ApiError(409, code, message);
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }
}
