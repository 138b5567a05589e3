package dev.loraoperator.scale;

import java.util.Map;

/**
 * The figures of one benchmark run with N jobs. Per-job figures are averages over the N jobs; times in seconds,
 * memory in MiB, CPU in milliseconds of CPU time per job (from the first create to the last Succeeded).
 *
 * @param burstSeconds from the first create to the last job the simulator received
 * @param burstBoundSeconds N ÷ rate: what the rate limit alone allows
 * @param statusMinimumPerJob status reads a perfect poller needs: one per poll interval of the job's life, ≥ 1
 * @param resultBoundPerJob checkpoints + 1: one read per checkpoint, one for the final artifacts
 * @param callsOverMinimum all remote calls ÷ (submits + status minimum + result bound)
 * @param kubeRequestsPerJob the operator's Kubernetes requests per job, by verb and resource, counted at the server
 * @param quietKubeWrites the operator's Kubernetes writes while nothing changed, over quietSeconds
 * @param stalenessP50 from the simulator's job reaching its final state to the resource's status saying Succeeded
 */
record RunResult(int jobs, double pollSeconds, double requestsPerSecond, String xmx, int succeeded,
        boolean timedOut, int duplicateSubmits, double createSeconds, double burstSeconds, double burstBoundSeconds,
        double submitsPerJob, double statusReadsPerJob, double statusMinimumPerJob, double resultReadsPerJob,
        double resultBoundPerJob, double callsOverMinimum, Map<String, Double> kubeRequestsPerJob,
        double kubeWritesPerJob, double quietSeconds, long quietKubeWrites, long quietRemoteCalls,
        double stalenessP50, double stalenessP99, double stalenessMax, int gcCount, double peakHeapAfterGcMib,
        boolean outOfMemory, double operatorPeakRssMib, double cpuMsPerJobOperator, double cpuMsPerJobApiServer,
        double cpuMsPerJobSimulator, double runSeconds) {

    double statusOverMinimum() {
        return statusReadsPerJob / statusMinimumPerJob;
    }

    double resultOverBound() {
        return resultReadsPerJob / resultBoundPerJob;
    }
}
