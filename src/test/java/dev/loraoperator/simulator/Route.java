package dev.loraoperator.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request matched to a Trainer API operation and, when the path carries one, a job or dataset id. */
record Route(Operation operation, String jobId) {

    static final String JOBS_PATH = "/prod/v1/trainers/ai-toolkit/jobs";
    static final String DATASETS_PATH = "/prod/v1/trainers/datasets";

    private static final Pattern JOB_PATH =
            Pattern.compile(Pattern.quote(JOBS_PATH) + "/([^/]+)/(status|result|cancel|resume|edit)");
    private static final Pattern DATASET_PATH =
            Pattern.compile(Pattern.quote(DATASETS_PATH) + "/([^/]+)(/status|/upload|/get-upload-endpoint)?");

    /** Matches strictly (no trailing slash, exact method) so that a client bug shows up as a 404. */
    static Route of(String method, String rawPath) {
        if (rawPath.startsWith(DATASETS_PATH)) {
            return dataset(method, rawPath);
        }
        if (rawPath.equals(JOBS_PATH)) {
            // There is no list endpoint (trainer-api.md §2.1), so only POST exists here.
            return new Route("POST".equals(method) ? Operation.SUBMIT : Operation.UNKNOWN, null);
        }
        Matcher m = JOB_PATH.matcher(rawPath);
        if (!m.matches()) {
            return new Route(Operation.UNKNOWN, null);
        }
        Operation op = switch (m.group(2)) {
            case "status" -> Operation.STATUS;
            case "result" -> Operation.RESULT;
            case "cancel" -> Operation.CANCEL;
            case "resume" -> Operation.RESUME;
            default -> Operation.EDIT;
        };
        String expected = op == Operation.STATUS || op == Operation.RESULT ? "GET" : "POST";
        return new Route(expected.equals(method) ? op : Operation.UNKNOWN, m.group(1));
    }

    /** The six dataset endpoints of trainer-api.md §3.1. */
    private static Route dataset(String method, String rawPath) {
        if (rawPath.equals(DATASETS_PATH)) {
            Operation op = switch (method) {
                case "POST" -> Operation.CREATE_DATASET;
                case "GET" -> Operation.LIST_DATASETS;
                default -> Operation.UNKNOWN;
            };
            return new Route(op, null);
        }
        Matcher m = DATASET_PATH.matcher(rawPath);
        if (!m.matches()) {
            return new Route(Operation.UNKNOWN, null);
        }
        String action = m.group(2) == null ? "" : m.group(2);
        Operation op = switch (action + " " + method) {
            case "/status GET" -> Operation.DATASET_STATUS;
            case "/upload POST" -> Operation.UPLOAD_FILE;
            case "/get-upload-endpoint POST" -> Operation.UPLOAD_ENDPOINT;
            case " DELETE" -> Operation.DELETE_DATASET;
            default -> Operation.UNKNOWN;
        };
        return new Route(op, m.group(1));
    }
}
