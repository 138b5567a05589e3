package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The archive formats a dataset can be unpacked from. */
public enum ArchiveFormat {
    @JsonProperty("zip")
    ZIP,
    @JsonProperty("tar")
    TAR,
    @JsonProperty("tar.gz")
    TAR_GZ
}
