package dev.loraoperator.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** The simulated account's datasets, the signed upload tickets, the uploads received, and the dataset knobs. */
final class DatasetStore {

    /** A signed upload the API handed out: which file of which dataset, its exact size and the headers it signs. */
    record Ticket(String datasetId, String filename, long size, Map<String, String> signedHeaders, Instant expires) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final SimEnvironment env;
    private final Map<String, SimDataset> byId = new LinkedHashMap<>();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final List<UploadRecord> uploads = new CopyOnWriteArrayList<>();
    private volatile Duration checkTime = Duration.ofSeconds(2);
    private volatile String badFile;
    private volatile Duration signedUrlLifetime = Duration.ofMinutes(15);
    private volatile boolean bareArrayList;
    private final java.util.concurrent.atomic.AtomicInteger hiddenLists = new java.util.concurrent.atomic.AtomicInteger();

    DatasetStore(SimEnvironment env) {
        this.env = env;
    }

    synchronized SimDataset create(String name) {
        String chosen = name == null ? "ds_" + UUID.randomUUID().toString().substring(0, 8) : name;
        if (!NAME.matcher(chosen).matches()) {
            throw new ApiError(422, 42201, "invalid dataset name: use letters, digits, _ and -");
        }
        if (byId.values().stream().anyMatch(d -> !d.deleted() && d.name().equals(chosen))) {
            throw new ApiError(409, 40901, "a dataset named " + chosen + " already exists");
        }
        SimDataset dataset = new SimDataset(UUID.randomUUID().toString(), chosen, env.now());
        byId.put(dataset.id(), dataset);
        return dataset;
    }

    /** The dataset of a path: 40001 when the id is not a UUID, 40401 when missing or deleted (trainer-api.md §5.2). */
    synchronized SimDataset find(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, 40001, "dataset id must be a UUID");
        }
        SimDataset dataset = byId.get(id);
        if (dataset == null || dataset.deleted()) {
            throw new ApiError(404, 40401, "dataset not found");
        }
        return dataset;
    }

    synchronized Optional<SimDataset> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The datasets a list answer shows: none while a hide-from-list knob is armed (it is spent by the call). */
    List<SimDataset> listed() {
        return hiddenLists.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? List.of() : live();
    }

    void hideFromList(int times) {
        hiddenLists.set(times);
    }

    synchronized List<SimDataset> live() {
        return byId.values().stream().filter(d -> !d.deleted()).toList();
    }

    String status(SimDataset dataset) {
        return dataset.status(env.now(), checkTime, badFile);
    }

    String badFile() {
        return badFile;
    }

    Ticket issue(SimDataset dataset, String filename, long size, Map<String, String> signedHeaders, String token) {
        Ticket ticket = new Ticket(dataset.id(), filename, size, Map.copyOf(signedHeaders),
                env.now().plus(signedUrlLifetime));
        tickets.put(token, ticket);
        return ticket;
    }

    /** The ticket of a signed URL, or empty when unknown or expired. */
    Optional<Ticket> ticket(String token) {
        return Optional.ofNullable(tickets.get(token)).filter(t -> env.now().isBefore(t.expires()));
    }

    void received(SimDataset dataset, SimDataset.StoredFile file, String via) {
        dataset.store(file, env.now());
        uploads.add(new UploadRecord(dataset.id(), file.filename(), file.size(), file.sha256(), via));
    }

    List<UploadRecord> uploads() {
        return new ArrayList<>(uploads);
    }

    void clearUploads() {
        uploads.clear();
    }

    void checkTime(Duration value) {
        checkTime = value;
    }

    void badFile(String filename) {
        badFile = filename;
    }

    void signedUrlLifetime(Duration value) {
        signedUrlLifetime = value;
    }

    boolean bareArrayList() {
        return bareArrayList;
    }

    void bareArrayList(boolean on) {
        bareArrayList = on;
    }
}
