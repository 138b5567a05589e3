package dev.loraoperator.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fault knobs per operation: each knob spoils the next N calls of its operation, knobs queue in the order added. */
public final class Faults {

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Map<Operation, Deque<Armed>> armed = new EnumMap<>(Operation.class);

    /** 429 with Retry-After; the request is not processed. */
    public Faults rateLimit(Operation op, int times, long retryAfterSeconds) {
        return rateLimit(op, times, Long.toString(retryAfterSeconds));
    }

    /**
     * 429 with any Retry-After header value, as proxies send them ("86400", an HTTP date, "-5", "soon"), or none
     * when null; the request is not processed.
     */
    public Faults rateLimit(Operation op, int times, String retryAfterHeader) {
        Reply reply = Reply.error(429, 42900, "too many requests");
        if (retryAfterHeader != null) {
            reply = reply.withHeader("Retry-After", retryAfterHeader);
        }
        return add(op, times, Fault.answer(Fault.Kind.RATE_LIMIT, reply));
    }

    /** 503; the request is not processed. */
    public Faults serverError(Operation op, int times) {
        return serverError(op, times, 503);
    }

    /** A 5xx of your choice (e.g. 500); the request is not processed. */
    public Faults serverError(Operation op, int times, int httpStatus) {
        Reply reply = Reply.error(httpStatus, httpStatus * 100, "simulated server error");
        return add(op, times, Fault.answer(Fault.Kind.SERVER_ERROR, reply));
    }

    /** The job IS created, then a gateway answers 502 in HTML: the client cannot know the outcome. */
    public Faults serverErrorAfterProcessing(int times) {
        return serverErrorAfterProcessing(Operation.SUBMIT, times);
    }

    /** The request IS processed (a job created, canceled, resumed, edited), then a gateway answers 502 in HTML. */
    public Faults serverErrorAfterProcessing(Operation op, int times) {
        Reply reply = new Reply(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", Map.of());
        return add(op, times, Fault.answer(Fault.Kind.SERVER_ERROR_AFTER_PROCESSING, reply));
    }

    /** The request IS processed, but the answer waits {@code delay} (or until the simulator closes). */
    public Faults hang(Operation op, int times, Duration delay) {
        return add(op, times, new Fault(Fault.Kind.HANG, null, delay, null));
    }

    /** The request IS processed, then the connection drops after the headers, before the body. */
    public Faults resetConnection(Operation op, int times) {
        return add(op, times, new Fault(Fault.Kind.RESET, null, Duration.ZERO, null));
    }

    /** The request IS processed, then a 200 arrives whose body is cut-off JSON. */
    public Faults malformed(Operation op, int times) {
        Reply reply = new Reply(200, "application/json", "{\"id\": \"sim-trunc", Map.of());
        return add(op, times, Fault.answer(Fault.Kind.MALFORMED, reply));
    }

    /**
     * The request IS processed, then the real answer arrives padded with a {@code "padding"} string field to
     * exactly {@code bytes} bytes (e.g. 1,000,000 or 2,000,000), as a misbehaving gateway or API might send.
     */
    public Faults oversized(Operation op, int times, int bytes) {
        return add(op, times, Fault.rewriting(Fault.Kind.OVERSIZED, reply -> reply.paddedTo(bytes)));
    }

    /** The request IS processed, then a 200 arrives without the named top-level fields (e.g. "id", "status"). */
    public Faults missingFields(Operation op, int times, String... fields) {
        return add(op, times, Fault.rewriting(Fault.Kind.MISSING_FIELDS, reply -> reply.without(fields)));
    }

    /**
     * The request IS processed, then a 200 arrives whose top-level "status" is {@code status} (e.g. "WARMING_UP"), a
     * word the API may add one day; the job itself keeps its real status.
     */
    public Faults unknownStatus(Operation op, int times, String status) {
        return add(op, times, Fault.rewriting(Fault.Kind.UNKNOWN_STATUS, reply -> reply.with("status", status)));
    }

    /**
     * An error answer instead of processing whose error_code and error_message are {@code length} characters of
     * terminal escapes, NULs, line breaks and bidi overrides around readable words, as a hostile or broken server
     * might send; nothing of it may reach a status, an Event or a log unfiltered.
     */
    public Faults hostileError(Operation op, int times, int httpStatus, int length) {
        String noise = "\u001b[31mFAKE\u0000 LOG\r\nLINE\t\u202Eesrever\u0007 ";
        String text = noise.repeat(length / noise.length() + 1).substring(0, length);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", text);
        body.put("error_message", text);
        return add(op, times, Fault.answer(Fault.Kind.HOSTILE_ERROR, Reply.json(httpStatus, body)));
    }

    /** Any error answer instead of processing, e.g. {@code refuse(SUBMIT, 1, 402, 40251, "insufficient funds")}. */
    public Faults refuse(Operation op, int times, int httpStatus, int errorCode, String message) {
        return add(op, times, Fault.answer(Fault.Kind.REFUSE, Reply.error(httpStatus, errorCode, message)));
    }

    /** How many spoiled calls are still armed for this operation. */
    public synchronized int pending(Operation op) {
        return armed.getOrDefault(op, new ArrayDeque<>()).stream().mapToInt(a -> a.remaining).sum();
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Spends one armed call of the oldest knob for this operation, or returns null when none is armed. */
    synchronized Fault take(Operation op) {
        Deque<Armed> queue = armed.get(op);
        Armed head = queue == null ? null : queue.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            queue.removeFirst();
        }
        return head.fault;
    }

    private synchronized Faults add(Operation op, int times, Fault fault) {
        if (op == null || op == Operation.UNKNOWN || times < 1) {
            throw new IllegalArgumentException("a fault needs a known operation and times >= 1");
        }
        armed.computeIfAbsent(op, o -> new ArrayDeque<>()).addLast(new Armed(fault, times));
        return this;
    }
}
