package dev.loraoperator.datasets;

import dev.loraoperator.trainer.TrainerException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One files[] entry of a LoraDataset: the files it yields, and their bytes as streams, never held whole. */
public interface FileSource {

    /** Reads the source to name its files with their exact sizes, verifying its checksum when one is given. */
    List<DesiredFile> list() throws SourceException;

    /**
     * Identifies what a listing of this source depends on, so that it can be reused for the next passes of one
     * upload; null for a source listed from memory, which costs nothing to list again.
     */
    default String listingKey() {
        return null;
    }

    /**
     * Reads the source again, handing each wanted file (as listed, with its size) to the sink, in source order, as
     * one stream that fails when the bytes no longer match the listed size or checksum.
     */
    void read(List<DesiredFile> wanted, FileSink sink) throws SourceException, TrainerException;

    /** Takes one file's bytes; must read the stream to its end (or fail) before returning. */
    @FunctionalInterface
    interface FileSink {
        void accept(DesiredFile file, InputStream bytes) throws IOException, TrainerException;
    }
}
