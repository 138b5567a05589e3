package dev.loraoperator.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A stateful stand-in for the RunComfy Trainer API on a local port, with test controls and fault knobs. */
public final class TrainerSimulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final SimEnvironment env;
    private final JobStore store;
    private final DatasetStore datasets;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();

    static {
        // Answer without Nagle's delay, as production web servers do: the JDK server otherwise holds each small answer
        // for the client's delayed ACK (about 40 ms), which makes ten thousand uploads take minutes instead of seconds.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private TrainerSimulator(String host, int port, String token, Timeline timeline, Clock clock) throws IOException {
        env = new SimEnvironment(clock, timeline);
        store = new JobStore(env);
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        // one thread per request, so a hanging answer never blocks the operator's other calls
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "trainer-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        datasets = new DatasetStore(env);
        server.createContext("/", new SimulatorHandler(new JobEndpoints(store),
                new DatasetEndpoints(datasets, this::baseUrl), faults, log, token, closing));
        server.createContext(ObjectStoreHandler.PATH, new ObjectStoreHandler(datasets, faults, log));
        server.createContext(RequestLogEndpoint.PATH, new RequestLogEndpoint(log, token));
        server.start();
    }

    /** Binds 127.0.0.1 ({@code port} 0 picks a free port) and uses the system clock. */
    public static TrainerSimulator start(int port, String token, Timeline timeline) {
        return start("127.0.0.1", port, token, timeline, Clock.systemUTC());
    }

    /** As {@link #start(int, String, Timeline)} with a clock of your own, e.g. a {@link MutableClock}. */
    public static TrainerSimulator start(int port, String token, Timeline timeline, Clock clock) {
        return start("127.0.0.1", port, token, timeline, clock);
    }

    public static TrainerSimulator start(String host, int port, String token, Timeline timeline, Clock clock) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token is required");
        }
        try {
            return new TrainerSimulator(host, port, token, timeline, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + host + ":" + port, e);
        }
    }

    /** Runs the simulator standalone; see {@link SimulatorCli} for the options. */
    public static void main(String[] args) {
        SimulatorCli.main(args);
    }

    /** Scheme, host and port, without the /prod/v1/... path, e.g. {@code http://127.0.0.1:8089}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Faults faults() {
        return faults;
    }

    /** Test controls for a job, vanished or not; throws IllegalArgumentException for an id never submitted. */
    public JobHandle job(String id) {
        return new JobHandle(store.get(id).orElseThrow(() -> new IllegalArgumentException("no job " + id)));
    }

    /** Every job not vanished, in submit order, as the timeline has moved it by now. */
    public List<JobSnapshot> jobs() {
        return store.all().stream().filter(j -> !j.vanished()).map(j -> JobSnapshot.of(j.state())).toList();
    }

    public List<RecordedRequest> requests() {
        return log.all();
    }

    public int count(Operation op) {
        return log.count(op);
    }

    public int count(Operation op, String jobId) {
        return log.count(op, jobId);
    }

    public void clearRecords() {
        log.clear();
    }

    /** Spell the canceled status CANCELLED in every answer. */
    public TrainerSimulator useDoubleLCancelled(boolean on) {
        env.doubleLCancelled(on);
        return this;
    }

    /** Preempt every job once when it reaches {@code fraction} of its steps; {@code Double.NaN} turns it off. */
    public TrainerSimulator preemptEveryJobOnceAt(double fraction) {
        env.preemptFraction(fraction);
        return this;
    }

    /** The live (not deleted) datasets, in creation order, as the clock has moved them by now. */
    public List<DatasetSnapshot> datasets() {
        return datasets.live().stream().map(d -> DatasetSnapshot.of(d, datasets.status(d))).toList();
    }

    /** Every file received, direct or signed, in arrival order: names, sizes and digests, never the bytes. */
    public List<UploadRecord> uploads() {
        return datasets.uploads();
    }

    public void clearUploads() {
        datasets.clearUploads();
    }

    /** How long a dataset stays UPLOADING after its last file before it turns READY (default 2 s). */
    public TrainerSimulator datasetCheckTime(Duration checkTime) {
        datasets.checkTime(checkTime);
        return this;
    }

    /** A dataset holding a file of this name turns FAILED instead of READY; null turns it off. */
    public TrainerSimulator failDatasetsWithFile(String filename) {
        datasets.badFile(filename);
        return this;
    }

    /** How long a signed upload URL stays valid (default 15 min). */
    public TrainerSimulator signedUrlLifetime(Duration lifetime) {
        datasets.signedUrlLifetime(lifetime);
        return this;
    }

    /** Answer the dataset list as a bare array instead of {"datasets": [...]} (clients meet both). */
    public TrainerSimulator listDatasetsAsBareArray(boolean on) {
        datasets.bareArrayList(on);
        return this;
    }

    /**
     * The next {@code times} dataset lists answer as if the account were empty: a list taken just before another
     * client created a dataset, so the create that follows meets a 409.
     */
    public TrainerSimulator hideDatasetsFromList(int times) {
        datasets.hideFromList(times);
        return this;
    }

    /** Stops at once; hanging answers are dropped rather than waited for. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
