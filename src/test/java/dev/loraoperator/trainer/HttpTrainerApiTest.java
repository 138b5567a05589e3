package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.loraoperator.simulator.MutableClock;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against the simulator: every endpoint, and how each kind of failure is classified. */
class HttpTrainerApiTest {
    private static final String TOKEN = "sk-client-test";
    private static final String CONFIG = "job: extension\nconfig:\n  name: \"client_test\"\n  process:\n"
            + "    - type: \"sd_trainer\"\n      train:\n        steps: 1000\n";
    private static TrainerSimulator sim;
    private final List<String> outcomes = new ArrayList<>();
    private final List<String> deferrals = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RequestObserver observer = new RequestObserver() {
        @Override
        public void requestCompleted(dev.loraoperator.trainer.Operation op, String outcome, Duration latency) {
            outcomes.add(op.tag() + ":" + outcome);
        }

        @Override
        public void requestDeferred(dev.loraoperator.trainer.Operation op, RateLimiter.Cause cause, Duration wait) {
            deferrals.add(op.tag() + ":" + cause.tag() + ":" + wait.toMillis());
        }
    };
    private HttpTrainerApi api;
    private final ApiToken token = new ApiToken(TOKEN);

    @BeforeAll
    static void startSimulator() {
        sim = TrainerSimulator.start(0, TOKEN, Timeline.manual());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void client() {
        sim.faults().clear();
        api = client(1000);
    }

    /** A client whose rate limit runs on the test's clock, so waits are asserted, never slept. */
    private HttpTrainerApi client(double requestsPerSecond) {
        return new HttpTrainerApi(URI.create(sim.baseUrl() + "/"), Duration.ofSeconds(1), Duration.ofMillis(700),
                new RateLimiter(requestsPerSecond, clock), observer);
    }

    private RemoteJob submit() throws TrainerException {
        return api.submit(api.reserveSubmission(), token, CONFIG, "ADA_80_PLUS", 1);
    }

    private TrainerException failure(ThrowingCall call) {
        try {
            call.run();
        } catch (TrainerException e) {
            return e;
        }
        throw new AssertionError("expected a TrainerException");
    }

    interface ThrowingCall {
        void run() throws TrainerException;
    }

    @Test
    void drivesEveryJobEndpoint() throws TrainerException {
        RemoteJob job = submit();
        assertThat(job.id()).isNotBlank();
        assertThat(job.status()).isEqualTo("IN_QUEUE");
        sim.job(job.id()).start().advanceTo(500);
        RemoteJob running = api.status(token, job.id());
        assertThat(running.progress()).isEqualTo(new RemoteProgress(500, 1000, 50.0));
        RemoteResult result = api.result(token, job.id());
        assertThat(result.checkpointUrls()).anyMatch(u -> u.endsWith("client_test_000000250.safetensors"));
        assertThat(api.cancel(token, job.id()).status()).isEqualTo("CANCELED");
        assertThat(api.edit(token, job.id(), CONFIG.replace("1000", "1200")).id()).isEqualTo(job.id());
        assertThat(api.resume(token, job.id(), null, null).status()).isIn("RESUMING", "IN_QUEUE");
        assertThat(sim.requests()).allMatch(r -> r.authorizationMatched());
        assertThat(outcomes).contains("submit:success", "status:success", "result:success", "cancel:success",
                "edit:success", "resume:success");
    }

    @Test
    void aRateLimitIsNotProcessedAndHoldsEveryoneWithoutSleeping() {
        int before = sim.jobs().size();
        sim.faults().rateLimit(Operation.SUBMIT, 1, 2);
        TrainerException e = failure(this::submit);
        assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(sim.jobs()).hasSize(before);
        int sent = sim.requests().size();
        TrainerException held = failure(() -> api.status(token, "missing"));
        assertThat(held.isDeferred()).isTrue();
        assertThat(held.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(held.retryAfter()).as("a poll comes after the pause and one slot for urgent calls")
                .contains(Duration.ofMillis(2001));
        assertThat(deferrals).containsExactly("status:retry_after:2001");
        clock.advance(Duration.ofMillis(2001));
        assertThat(failure(() -> api.status(token, "missing")).isNotFound()).isTrue();
        assertThat(sim.requests()).as("only the call after the pause was sent").hasSize(sent + 1);
    }

    @Test
    void aRetryAfterOfADayHoldsEvenCancelsForTenMinutesAtMost() throws TrainerException {
        RemoteJob job = submit();
        sim.faults().rateLimit(Operation.STATUS, 1, 86400);
        assertThat(failure(() -> api.status(token, job.id())).retryAfter()).contains(Duration.ofMinutes(10));
        TrainerException cancel = failure(() -> api.cancel(token, job.id()));
        assertThat(cancel.isDeferred()).isTrue();
        assertThat(cancel.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(sim.count(Operation.CANCEL, job.id())).isZero();
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.cancel(token, job.id()).status()).isEqualTo("CANCELED");
    }

    @Test
    void aRetryAfterThatIsMissingOrGarbageWaitsFiveSeconds() {
        for (String header : new String[] {null, "soon", "-5", "1.5"}) {
            sim.faults().rateLimit(Operation.STATUS, 1, header);
            assertThat(failure(() -> api.status(token, "x")).retryAfter()).as(header).contains(Duration.ofSeconds(5));
            clock.advance(Duration.ofSeconds(6));
        }
    }

    @Test
    void pollsLeaveTheLastSlotToCancelsAndNothingDeferredIsSent() throws TrainerException {
        String id = submit().id();
        HttpTrainerApi limited = client(2); // a bucket of 2 tokens, one every 500 ms
        int sent = sim.requests().size();
        limited.status(token, id);
        TrainerException poll = failure(() -> limited.status(token, id));
        assertThat(poll.isDeferred()).isTrue();
        assertThat(poll.retryAfter()).contains(Duration.ofMillis(500));
        assertThat(limited.cancel(token, id).status()).isEqualTo("CANCELED"); // the slot the poll could not take
        TrainerException nextCancel = failure(() -> limited.cancel(token, id));
        TrainerException nextPoll = failure(() -> limited.status(token, id));
        assertThat(nextCancel.retryAfter()).contains(Duration.ofMillis(500));
        assertThat(nextPoll.retryAfter()).as("a poll waits for two tokens").contains(Duration.ofMillis(1000));
        assertThat(deferrals).containsExactly("status:priority:500", "cancel:rate:500", "status:rate:1000");
        assertThat(sim.requests()).hasSize(sent + 2);
        clock.advance(Duration.ofMillis(500));
        assertThat(limited.edit(token, id, CONFIG).id()).isEqualTo(id);
        assertThat(sim.requests()).hasSize(sent + 3);
    }

    @Test
    void aSubmitSlotIsTakenBeforeAnythingIsRecordedAndPaysForOnePost() throws TrainerException {
        HttpTrainerApi limited = client(1); // two slots, then one a second
        int submitted = sim.count(Operation.SUBMIT);
        SubmitSlot slot = limited.reserveSubmission();
        limited.reserveSubmission();
        TrainerException noSlot = failure(limited::reserveSubmission);
        assertThat(noSlot.isDeferred()).isTrue();
        assertThat(noSlot.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(limited.submit(slot, token, CONFIG, "ADA_80_PLUS", 1).id()).isNotBlank();
        assertThatThrownBy(() -> limited.submit(slot, token, CONFIG, "ADA_80_PLUS", 1))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sim.count(Operation.SUBMIT)).isEqualTo(submitted + 1);
    }

    @Test
    void aSlotReservedBeforeA429IsNotSpentOnAPostDuringThePause() throws TrainerException {
        String id = submit().id();
        int submitted = sim.count(Operation.SUBMIT);
        SubmitSlot slot = api.reserveSubmission();
        sim.faults().rateLimit(Operation.STATUS, 1, 30);
        failure(() -> api.status(token, id));
        TrainerException held = failure(() -> api.submit(slot, token, CONFIG, "ADA_80_PLUS", 1));
        assertThat(held.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(held.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(sim.count(Operation.SUBMIT)).isEqualTo(submitted);
        clock.advance(Duration.ofSeconds(30));
        assertThat(submit().id()).as("a new slot after the pause submits").isNotBlank();
        assertThat(sim.count(Operation.SUBMIT)).isEqualTo(submitted + 1);
    }

    @Test
    void definiteRefusalsAreRefused() {
        sim.faults().refuse(Operation.SUBMIT, 1, 402, 40251, "insufficient funds");
        TrainerException e = failure(this::submit);
        assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(e.errorCode()).isEqualTo("40251");
        assertThat(e.getMessage()).contains("insufficient funds");
        TrainerException unauthorized = failure(() -> api.status(new ApiToken("wrong"), "x"));
        assertThat(unauthorized.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(unauthorized.httpStatus()).isEqualTo(401);
        TrainerException notFound = failure(() -> api.status(token, "no-such-job"));
        assertThat(notFound.isNotFound()).isTrue();
    }

    @Test
    void aTimeoutAfterSendingIsOutcomeUnknown() {
        int before = sim.jobs().size();
        sim.faults().hang(Operation.SUBMIT, 1, Duration.ofSeconds(2));
        TrainerException e = failure(this::submit);
        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        // the job exists although the client never learned its id; on a loaded machine the simulator may create
        // it only after the client gave up, so wait for it rather than race it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.jobs()).hasSize(before + 1));
    }

    @Test
    void serverErrorsResetsAndGarbageAreOutcomeUnknown() {
        sim.faults().serverErrorAfterProcessing(1);
        assertThat(failure(this::submit).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
        sim.faults().resetConnection(Operation.SUBMIT, 1);
        assertThat(failure(this::submit).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
        sim.faults().malformed(Operation.SUBMIT, 1);
        assertThat(failure(this::submit).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(outcomes).containsOnly("submit:outcome_unknown");
    }

    @Test
    void aBodyOf1MbIsReadAndOneOver1MiBIsNotAndAfterSubmitIsOutcomeUnknown() throws TrainerException {
        sim.faults().oversized(Operation.SUBMIT, 1, 1_000_000);
        RemoteJob job = submit();
        assertThat(job.id()).isNotBlank();
        int before = sim.jobs().size();
        sim.faults().oversized(Operation.SUBMIT, 1, 2_000_000);
        TrainerException e = failure(this::submit);
        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(e.getMessage()).contains("over 1024 KiB").contains("may have been processed");
        assertThat(sim.jobs()).hasSize(before + 1);

        sim.faults().oversized(Operation.STATUS, 1, BoundedBody.MAX_BYTES);
        assertThat(api.status(token, job.id()).id()).isEqualTo(job.id());
        sim.faults().oversized(Operation.STATUS, 1, BoundedBody.MAX_BYTES + 1);
        assertThat(failure(() -> api.status(token, job.id())).outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        sim.faults().oversized(Operation.STATUS, 1, 2_000_000);
        assertThat(failure(() -> api.status(token, "no-such-job")).isNotFound())
                .as("an oversized error is classified by its status code").isTrue();
    }

    @Test
    void aHugeErrorFullOfControlCharactersArrivesCleanedAndCapped() throws TrainerException {
        sim.faults().hostileError(Operation.SUBMIT, 1, 422, 100_000);
        TrainerException refused = failure(this::submit);
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertSafe(refused.errorCode(), RemoteText.MAX_BYTES);
        assertSafe(refused.getMessage(), RemoteText.MAX_BYTES + 100); // plus "the API refused the request (422): "
        assertThat(refused.getMessage()).contains("FAKE LOG LINE");

        RemoteJob job = submit();
        String hostile = "\u001b[2J\u0000over\r\nwritten\u202E ".repeat(20_000);
        sim.job(job.id()).fail("OOM\nInjected: line", hostile);
        RemoteError error = api.status(token, job.id()).error();
        assertThat(error.code()).isEqualTo("OOM Injected: line");
        assertSafe(error.message(), RemoteText.MAX_BYTES);
        assertSafe(api.result(token, job.id()).error().message(), RemoteText.MAX_BYTES);
    }

    private static void assertSafe(String text, int maxBytes) {
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBytes);
        assertThat(text).doesNotContainPattern("[\\p{Cc}\\p{Cf}]");
    }

    @Test
    void a2xxWithoutAnIdIsOutcomeUnknownAndWithoutAStatusIsReadAsNoStatus() throws TrainerException {
        int before = sim.jobs().size();
        sim.faults().missingFields(Operation.SUBMIT, 1, "id");
        TrainerException e = failure(this::submit);
        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(e.getMessage()).contains("no usable job id");
        assertThat(sim.jobs()).hasSize(before + 1);

        RemoteJob job = submit();
        sim.faults().missingFields(Operation.STATUS, 1, "status", "progress");
        RemoteJob partial = api.status(token, job.id());
        assertThat(partial.id()).isEqualTo(job.id());
        assertThat(partial.status()).isNull();
        assertThat(partial.progress()).isNull();
    }

    @Test
    void noConnectionIsNotProcessed() {
        HttpTrainerApi nowhere = new HttpTrainerApi(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), new RateLimiter(100, clock), RequestObserver.NONE);
        TrainerException e = failure(() -> nowhere.submit(nowhere.reserveSubmission(), token, CONFIG, "ADA_80_PLUS", 1));
        assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    }

    @Test
    void theCancelledSpellingIsReadAsCanceled() throws TrainerException {
        sim.useDoubleLCancelled(true);
        try {
            RemoteJob job = submit();
            RemoteJob canceled = api.cancel(token, job.id());
            assertThat(dev.loraoperator.status.RemoteStates.of(canceled.status()))
                    .isEqualTo(dev.loraoperator.status.RemoteStates.CANCELED);
        } finally {
            sim.useDoubleLCancelled(false);
        }
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(token.toString()).doesNotContain(TOKEN);
        assertThat(String.valueOf(token)).isEqualTo("ApiToken[redacted]");
    }
}
