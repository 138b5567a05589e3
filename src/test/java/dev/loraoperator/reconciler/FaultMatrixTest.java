package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Every simulator fault × every Trainer API operation, each cell the real reconciler pass by pass (see
 * {@link MatrixCell}): the observed outcome must be the expected one below, every cell must keep the money-safety
 * promises, and docs/reliability.md must show the observed table. Run with -Dupdate-fault-matrix to rewrite the
 * table in the docs (the expectations below are never rewritten: they are the specification).
 */
@EnableKubernetesMockClient(crud = true)
class FaultMatrixTest {
    static KubernetesClient client;

    static final Path DOCS = Path.of("docs/reliability.md");
    static final String BEGIN = "<!-- fault-matrix:begin -->";
    static final String END = "<!-- fault-matrix:end -->";
    /** Cells run side by side: most of a cell's time is spent waiting (HTTP, the 2 s timeout of a hang). */
    static final int PARALLEL_CELLS = 4;

    /** What a user would see in each cell, and what the operator must do once the fault clears. */
    static final String EXPECTED = """
            | fault | operation | faulted step sent | phase | Synced | record | Events | next look | after the fault clears | calls in all | remote job |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            | 429, Retry-After: 30 | submit | submit | Pending | True | no submission | ConfigAdjusted, SubmissionDeferred | 30 s | Queued · True · submission Succeeded | submit ×2 | IN_QUEUE |
            | 429, Retry-After: 30 | status | status | Running | PollFailed | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×9 | RUNNING |
            | 429, Retry-After: 30 | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | 429, Retry-After: 30 | cancel (suspend) | status, cancel | Running | CancelFailed | no control | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×2 | CANCELED |
            | 429, Retry-After: 30 | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×2 | CANCELED |
            | 429, Retry-After: 30 | resume | resume | Suspended | ResumeFailed | Cancel Done | ResumeFailed | 1 s | Queued · True · Resume Done | resume ×2 | RESUMING |
            | 429, Retry-After: 30 | edit | edit | Suspended | EditFailed | Cancel Done | EditFailed | 1 s | Suspended · True · Edit Done | edit ×2 | CANCELED |
            | 429, no Retry-After | submit | submit | Pending | True | no submission | ConfigAdjusted, SubmissionDeferred | 5 s | Queued · True · submission Succeeded | submit ×2 | IN_QUEUE |
            | 429, no Retry-After | status | status | Running | PollFailed | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×11 | RUNNING |
            | 429, no Retry-After | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | 429, no Retry-After | cancel (suspend) | status, cancel | Running | CancelFailed | no control | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×2 | CANCELED |
            | 429, no Retry-After | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×2 | CANCELED |
            | 429, no Retry-After | resume | resume | Suspended | ResumeFailed | Cancel Done | ResumeFailed | 1 s | Queued · True · Resume Done | resume ×2 | RESUMING |
            | 429, no Retry-After | edit | edit | Suspended | EditFailed | Cancel Done | EditFailed | 1 s | Suspended · True · Edit Done | edit ×2 | CANCELED |
            | 503 | submit | submit | Unknown | SubmissionUncertain | submission Uncertain | ConfigAdjusted, SubmissionUncertain | on change | Unknown · SubmissionUncertain · submission Uncertain | submit ×1 | none |
            | 503 | status | status | Running | PollFailed | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | 503 | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | 503 | cancel (suspend) | status, cancel | Running | CancelFailed | Cancel Requested | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×2 | CANCELED |
            | 503 | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×2 | CANCELED |
            | 503 | resume | resume | Suspended | ResumeFailed | Resume Requested | ResumeFailed | 1 s | Queued · True · Resume Done | resume ×2 | RESUMING |
            | 503 | edit | edit | Suspended | EditFailed | Edit Requested | EditFailed | 1 s | Suspended · True · Edit Done | edit ×2 | CANCELED |
            | 502 after processing | submit | submit | Unknown | SubmissionUncertain | submission Uncertain | ConfigAdjusted, SubmissionUncertain | on change | Unknown · SubmissionUncertain · submission Uncertain | submit ×1 | IN_QUEUE |
            | 502 after processing | status | status | Running | PollFailed | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | 502 after processing | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | 502 after processing | cancel (suspend) | status, cancel | Running | CancelFailed | Cancel Requested | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×1 | CANCELED |
            | 502 after processing | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×1 | CANCELED |
            | 502 after processing | resume | resume | Suspended | ResumeFailed | Resume Requested | ResumeFailed | 1 s | Queued · True · Resume Done | resume ×1 | RESUMING |
            | 502 after processing | edit | edit | Suspended | EditFailed | Edit Requested | EditFailed | 1 s | Suspended · True · Edit Done | edit ×2 | CANCELED |
            | hang past the 2 s timeout | submit | submit | Unknown | SubmissionUncertain | submission Uncertain | ConfigAdjusted, SubmissionUncertain | on change | Unknown · SubmissionUncertain · submission Uncertain | submit ×1 | IN_QUEUE |
            | hang past the 2 s timeout | status | status | Running | PollFailed | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | hang past the 2 s timeout | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | hang past the 2 s timeout | cancel (suspend) | status, cancel | Running | CancelFailed | Cancel Requested | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×1 | CANCELED |
            | hang past the 2 s timeout | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×1 | CANCELED |
            | hang past the 2 s timeout | resume | resume | Suspended | ResumeFailed | Resume Requested | ResumeFailed | 1 s | Queued · True · Resume Done | resume ×1 | RESUMING |
            | hang past the 2 s timeout | edit | edit | Suspended | EditFailed | Edit Requested | EditFailed | 1 s | Suspended · True · Edit Done | edit ×2 | CANCELED |
            | connection reset | submit | submit | Unknown | SubmissionUncertain | submission Uncertain | ConfigAdjusted, SubmissionUncertain | on change | Unknown · SubmissionUncertain · submission Uncertain | submit ×1 | IN_QUEUE |
            | connection reset | status | status | Running | PollFailed | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | connection reset | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | connection reset | cancel (suspend) | status, cancel | Running | CancelFailed | Cancel Requested | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×1 | CANCELED |
            | connection reset | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×1 | CANCELED |
            | connection reset | resume | resume | Suspended | ResumeFailed | Resume Requested | ResumeFailed | 1 s | Queued · True · Resume Done | resume ×1 | RESUMING |
            | connection reset | edit | edit | Suspended | EditFailed | Edit Requested | EditFailed | 1 s | Suspended · True · Edit Done | edit ×2 | CANCELED |
            | 200, malformed JSON | submit | submit | Unknown | SubmissionUncertain | submission Uncertain | ConfigAdjusted, SubmissionUncertain | on change | Unknown · SubmissionUncertain · submission Uncertain | submit ×1 | IN_QUEUE |
            | 200, malformed JSON | status | status | Running | PollFailed | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | 200, malformed JSON | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | 200, malformed JSON | cancel (suspend) | status, cancel | Running | CancelFailed | Cancel Requested | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×1 | CANCELED |
            | 200, malformed JSON | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×1 | CANCELED |
            | 200, malformed JSON | resume | resume | Suspended | ResumeFailed | Resume Requested | ResumeFailed | 1 s | Queued · True · Resume Done | resume ×1 | RESUMING |
            | 200, malformed JSON | edit | edit | Suspended | EditFailed | Edit Requested | EditFailed | 1 s | Suspended · True · Edit Done | edit ×2 | CANCELED |
            | 200 without id, status, artifacts | submit | submit | Unknown | SubmissionUncertain | submission Uncertain | ConfigAdjusted, SubmissionUncertain | on change | Unknown · SubmissionUncertain · submission Uncertain | submit ×1 | IN_QUEUE |
            | 200 without id, status, artifacts | status | status | Running | IncompleteAnswer | remote RUNNING | none | 1 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | 200 without id, status, artifacts | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | 200 without id, status, artifacts | cancel (suspend) | status, cancel | Running | True | Cancel Sent | CancelRequested | 1 ms | Suspended · True · Cancel Done | cancel ×1 | CANCELED |
            | 200 without id, status, artifacts | cancel (delete) | status, cancel | Running | True | finalizer kept | none | 1 s | Running · True · finalizer removed | cancel ×1 | CANCELED |
            | 200 without id, status, artifacts | resume | resume | Suspended | True | Resume Sent | Resumed | 1 ms | Queued · True · Resume Done | resume ×1 | RESUMING |
            | 200 without id, status, artifacts | edit | edit | Suspended | True | Edit Done | ConfigEdited | 1 ms | Suspended · True · Edit Done | edit ×1 | CANCELED |
            | 200, status WARMING_UP | submit | submit | Pending | UnknownRemoteStatus | submission Succeeded | ConfigAdjusted, Submitted | 20 s | Queued · True · submission Succeeded | submit ×1 | IN_QUEUE |
            | 200, status WARMING_UP | status | status | Running | UnknownRemoteStatus | remote WARMING_UP | UnknownRemoteStatus | 20 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | 200, status WARMING_UP | result | status, result | Running | True | checkpoints 2 | none | 20 s | Running · True · checkpoints 2 | result ×1 | RUNNING |
            | 200, status WARMING_UP | cancel (suspend) | status, cancel | Running | UnknownRemoteStatus | Cancel Sent | CancelRequested, UnknownRemoteStatus | 1 ms | Suspended · True · Cancel Done | cancel ×1 | CANCELED |
            | 200, status WARMING_UP | cancel (delete) | status, cancel | Running | True | finalizer kept | none | 1 s | Running · True · finalizer removed | cancel ×1 | CANCELED |
            | 200, status WARMING_UP | resume | resume | Suspended | UnknownRemoteStatus | Resume Sent | Resumed | 1 ms | Queued · True · Resume Done | resume ×1 | RESUMING |
            | 200, status WARMING_UP | edit | edit | Suspended | UnknownRemoteStatus | Edit Done | ConfigEdited | 1 ms | Suspended · True · Edit Done | edit ×1 | CANCELED |
            | 404 | submit | submit | Failed | True | submission Failed | ConfigAdjusted, SubmissionRefused | on change | Failed · True · submission Failed | submit ×1 | none |
            | 404 | status | status | Running | RemoteJobNotFound | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | 404 | result | status, result | Running | RemoteJobNotFound | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | 404 | cancel (suspend) | status, cancel | Running | CancelRefused | Cancel Refused | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×2 | CANCELED |
            | 404 | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×2 | CANCELED |
            | 404 | resume | resume | Suspended | ResumeRefused | Resume Refused | ResumeFailed | on change | Suspended · ResumeRefused · Resume Refused | resume ×1 | CANCELED |
            | 404 | edit | edit | Suspended | EditRefused | Edit Refused | EditFailed | on change | Suspended · EditRefused · Edit Refused | edit ×1 | CANCELED |
            | 200, body of 1 MiB + 1 byte | submit | submit | Unknown | SubmissionUncertain | submission Uncertain | ConfigAdjusted, SubmissionUncertain | on change | Unknown · SubmissionUncertain · submission Uncertain | submit ×1 | IN_QUEUE |
            | 200, body of 1 MiB + 1 byte | status | status | Running | PollFailed | remote RUNNING | PollFailed | 1 s | Running · True · remote RUNNING | status ×13 | RUNNING |
            | 200, body of 1 MiB + 1 byte | result | status, result | Running | PollFailed | checkpoints 1 | PollFailed | 1 s | Running · True · checkpoints 2 | result ×2 | RUNNING |
            | 200, body of 1 MiB + 1 byte | cancel (suspend) | status, cancel | Running | CancelFailed | Cancel Requested | CancelFailed | 1 s | Suspended · True · Cancel Done | cancel ×1 | CANCELED |
            | 200, body of 1 MiB + 1 byte | cancel (delete) | status, cancel | Running | CancelFailed | finalizer kept | CancelFailed | 1 s | Running · CancelFailed · finalizer removed | cancel ×1 | CANCELED |
            | 200, body of 1 MiB + 1 byte | resume | resume | Suspended | ResumeFailed | Resume Requested | ResumeFailed | 1 s | Queued · True · Resume Done | resume ×1 | RESUMING |
            | 200, body of 1 MiB + 1 byte | edit | edit | Suspended | EditFailed | Edit Requested | EditFailed | 1 s | Suspended · True · Edit Done | edit ×2 | CANCELED |
            """;

    private static String observedTable;
    private static final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    private static Map<String, List<String>> observedRows;

    /** Runs every cell once for all three tests, several at a time: each has its own simulator, clock and namespace. */
    private static synchronized void runMatrix() throws InterruptedException, ExecutionException {
        if (observedTable != null) {
            return;
        }
        List<Callable<List<String>>> cells = new ArrayList<>();
        for (MatrixFault fault : MatrixFault.values()) {
            for (MatrixOperation operation : MatrixOperation.values()) {
                cells.add(() -> MatrixCell.run(client, fault, operation, violations).cells());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CELLS);
        List<List<String>> rows = new ArrayList<>();
        try {
            for (Future<List<String>> row : pool.invokeAll(cells)) {
                rows.add(row.get());
            }
        } finally {
            pool.shutdownNow();
        }
        observedTable = MarkdownTable.render(MatrixCell.Outcome.COLUMNS, rows);
        observedRows = MarkdownTable.rowsByKey(observedTable);
        System.out.println("Fault matrix, as observed:\n\n" + observedTable);
    }

    @Test
    void everyCellKeepsTheMoneySafetyPromises() throws Exception {
        runMatrix();
        assertThat(violations).as("promises broken").isEmpty();
    }

    @Test
    void everyCellEndsAsExpected() throws Exception {
        runMatrix();
        Map<String, List<String>> expected = MarkdownTable.rowsByKey(EXPECTED);
        List<String> differences = new ArrayList<>();
        observedRows.forEach((key, observed) -> {
            List<String> wanted = expected.get(key);
            if (wanted == null) {
                differences.add(key + ": no expectation");
                return;
            }
            for (int i = 2; i < observed.size(); i++) {
                if (!observed.get(i).equals(wanted.get(i))) {
                    differences.add(key + ": " + MatrixCell.Outcome.COLUMNS.get(i) + " is \"" + observed.get(i)
                            + "\", expected \"" + wanted.get(i) + "\"");
                }
            }
        });
        expected.keySet().stream().filter(k -> !observedRows.containsKey(k)).forEach(k -> differences.add(k + ": not run"));
        assertThat(differences).as("cells that differ from the expectation").isEmpty();
    }

    @Test
    void theDocsShowTheObservedTable() throws Exception {
        runMatrix();
        String docs = Files.readString(DOCS);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        assertThat(begin).as(DOCS + " has no " + BEGIN + " ... " + END + " section").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = docs.substring(begin + BEGIN.length(), end).strip() + "\n";
        if (System.getProperty("update-fault-matrix") != null) {
            Files.writeString(DOCS, docs.substring(0, begin + BEGIN.length()) + "\n" + observedTable
                    + docs.substring(end));
            return;
        }
        assertThat(current).as(DOCS + " shows a stale fault matrix: run mvn test -Dtest=FaultMatrixTest"
                + " -Dupdate-fault-matrix").isEqualTo(observedTable);
    }
}
