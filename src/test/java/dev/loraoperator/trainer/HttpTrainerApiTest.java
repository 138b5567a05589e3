package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.ManualSimulatorTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against the simulator: every endpoint, and how each kind of failure is classified. */
class HttpTrainerApiTest extends ManualSimulatorTest {
    private static final String CONFIG = "job: extension\nconfig:\n  name: \"client_test\"\n  process:\n"
            + "    - type: \"sd_trainer\"\n      train:\n        steps: 1000\n";
    private final List<String> outcomes = new ArrayList<>();
    private HttpTrainerApi api;
    private final ApiToken token = new ApiToken(TOKEN);

    @BeforeEach
    void client() {
        api = new HttpTrainerApi(URI.create(sim.baseUrl() + "/"), Duration.ofSeconds(1), Duration.ofMillis(700),
                new RateLimiter(1000, Clock.systemUTC()), (op, outcome, latency) -> outcomes.add(op.tag() + ":" + outcome));
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
        RemoteJob job = api.submit(token, CONFIG, "ADA_80_PLUS", 1);
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
    void aRateLimitIsNotProcessedAndPausesEveryone() {
        int before = sim.jobs().size();
        sim.faults().rateLimit(Operation.SUBMIT, 1, 2);
        TrainerException e = failure(() -> api.submit(token, CONFIG, "ADA_80_PLUS", 1));
        assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(sim.jobs()).hasSize(before);
        long started = System.nanoTime();
        failure(() -> api.status(token, "missing"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    void definiteRefusalsAreRefused() {
        sim.faults().refuse(Operation.SUBMIT, 1, 402, 40251, "insufficient funds");
        TrainerException e = failure(() -> api.submit(token, CONFIG, "ADA_80_PLUS", 1));
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
        TrainerException e = failure(() -> api.submit(token, CONFIG, "ADA_80_PLUS", 1));
        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(sim.jobs()).hasSize(before + 1); // the job exists although the client never learned its id
    }

    @Test
    void serverErrorsResetsAndGarbageAreOutcomeUnknown() {
        sim.faults().serverErrorAfterProcessing(1);
        assertThat(failure(() -> api.submit(token, CONFIG, "ADA_80_PLUS", 1)).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
        sim.faults().resetConnection(Operation.SUBMIT, 1);
        assertThat(failure(() -> api.submit(token, CONFIG, "ADA_80_PLUS", 1)).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
        sim.faults().malformed(Operation.SUBMIT, 1);
        assertThat(failure(() -> api.submit(token, CONFIG, "ADA_80_PLUS", 1)).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(outcomes).containsOnly("submit:outcome_unknown");
    }

    @Test
    void noConnectionIsNotProcessed() {
        HttpTrainerApi nowhere = new HttpTrainerApi(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), new RateLimiter(100, Clock.systemUTC()), RequestObserver.NONE);
        TrainerException e = failure(() -> nowhere.submit(token, CONFIG, "ADA_80_PLUS", 1));
        assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    }

    @Test
    void theCancelledSpellingIsReadAsCanceled() throws TrainerException {
        sim.useDoubleLCancelled(true);
        RemoteJob job = api.submit(token, CONFIG, "ADA_80_PLUS", 1);
        RemoteJob canceled = api.cancel(token, job.id());
        assertThat(dev.loraoperator.status.RemoteStates.of(canceled.status()))
                .isEqualTo(dev.loraoperator.status.RemoteStates.CANCELED);
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(token.toString()).doesNotContain(TOKEN);
        assertThat(String.valueOf(token)).isEqualTo("ApiToken[redacted]");
    }
}
