package dev.loraoperator.trainer;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The RunComfy Trainer API dataset endpoints (trainer-api.md §3), as the operator uses them. */
public interface DatasetApi {
    /** Direct uploads above this size are refused by the API (trainer-api.md §3.5). */
    long DIRECT_UPLOAD_LIMIT = 150_000_000L;

    /** POST /datasets {"name"}; a name in use answers 409 (40901). */
    RemoteDataset create(ApiToken token, String name) throws TrainerException;

    /** GET /datasets, either shape ({"datasets": [...]} or a bare array); entries carry no files. */
    List<RemoteDataset> list(ApiToken token) throws TrainerException;

    /** GET /datasets/{id}/status, with the files uploaded so far. */
    RemoteDataset status(ApiToken token, String datasetId) throws TrainerException;

    /**
     * POST /datasets/{id}/upload, multipart field "file", for files up to {@link #DIRECT_UPLOAD_LIMIT}.
     *
     * @throws IOException when reading the file's source failed (the upload was abandoned)
     */
    void upload(ApiToken token, String datasetId, UploadFile file) throws TrainerException, IOException;

    /** POST /datasets/{id}/get-upload-endpoint with the exact sizes; one signed target per file name. */
    Map<String, SignedUpload> uploadEndpoints(ApiToken token, String datasetId, Map<String, Long> sizes)
            throws TrainerException;

    /**
     * Sends the file to its signed URL with the signed method and headers, and no Authorization header.
     *
     * @throws IOException when reading the file's source failed (the upload was abandoned)
     */
    void put(SignedUpload target, UploadFile file) throws TrainerException, IOException;

    /** DELETE /datasets/{id}; an empty answer is a success. */
    void delete(ApiToken token, String datasetId) throws TrainerException;
}
