package dev.loraoperator.api.v1alpha1;

/** GPU types the RunComfy Trainer API offers. */
public enum GpuType {
    /** NVIDIA H100, 80 GB. */
    ADA_80_PLUS,
    /** NVIDIA H200, 141 GB. */
    HOPPER_141
}
