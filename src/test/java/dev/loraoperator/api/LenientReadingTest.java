package dev.loraoperator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.api.v1alpha1.DeletionPolicy;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** A value this operator version cannot use is set aside with a sentence naming it; the resource still reads. */
class LenientReadingTest {
    private final KubernetesSerialization serialization = new KubernetesSerialization(
            LenientResourceReading.apply(new ObjectMapper()), false);

    private LoraTrainingJobSpec read(String specFields) {
        String json = """
                {"apiVersion": "training.lora-operator.dev/v1alpha1", "kind": "LoraTrainingJob",
                 "metadata": {"name": "j", "namespace": "n"},
                 "spec": {"config": {"job": "extension"}, %s}}""".formatted(specFields);
        return serialization.unmarshal(json, LoraTrainingJob.class).getSpec();
    }

    @Test
    void knownValuesReadAsBefore() {
        LoraTrainingJobSpec spec = read("""
                "gpuType": "HOPPER_141", "gpuCount": 1, "suspend": true, "activeDeadlineSeconds": 3600,
                "deletionPolicy": "Orphan", "autoResume": {"maxAttempts": 3}""");
        assertThat(spec.getGpuType()).isEqualTo(GpuType.HOPPER_141);
        assertThat(spec.getGpuCount()).isEqualTo(1);
        assertThat(spec.suspendRequested()).isTrue();
        assertThat(spec.getActiveDeadlineSeconds()).isEqualTo(3600L);
        assertThat(spec.getDeletionPolicy()).isEqualTo(DeletionPolicy.Orphan);
        assertThat(spec.autoResumeAttempts()).isEqualTo(3);
        assertThat(spec.unreadableFields()).isEmpty();
    }

    @Test
    void anEnumValueFromANewerCrdIsNamedWithTheSupportedOnes() {
        LoraTrainingJobSpec spec = read("\"gpuType\": \"BLACKWELL_192\", \"deletionPolicy\": \"Keep\"");
        assertThat(spec.getGpuType()).isNull();
        assertThat(spec.unreadableFields()).containsExactly(
                "spec.gpuType: unsupported value \"BLACKWELL_192\"; supported: ADA_80_PLUS, HOPPER_141",
                "spec.deletionPolicy: unsupported value \"Keep\"; supported: Cancel, Orphan");
    }

    @Test
    void numbersOutOfRangeOrOfTheWrongTypeAreNamed() {
        LoraTrainingJobSpec spec = read("""
                "gpuType": "ADA_80_PLUS", "gpuCount": 99999999999, "activeDeadlineSeconds": "3600s",
                "autoResume": {"maxAttempts": 1.5}, "suspend": "yes\\nplease\"""");
        assertThat(spec.getGpuType()).isEqualTo(GpuType.ADA_80_PLUS);
        assertThat(spec.unreadableFields()).containsExactly(
                "spec.gpuCount: unsupported value 99999999999; expected a whole number from -2147483648 to 2147483647",
                "spec.activeDeadlineSeconds: unsupported value \"3600s\"; expected a whole number from "
                        + "-9223372036854775808 to 9223372036854775807",
                "spec.suspend: unsupported value \"yes\\nplease\"; expected true or false",
                "spec.autoResume.maxAttempts: unsupported value 1.5; expected a whole number from -2147483648 to "
                        + "2147483647");
    }

    @Test
    void aHugeNumberAndAnObjectWhereAScalarBelongsAreShownShort() {
        LoraTrainingJobSpec spec = read("\"gpuType\": {\"name\": \"x\"}, \"activeDeadlineSeconds\": 1" + "0".repeat(200));
        assertThat(spec.unreadableFields()).hasSize(2);
        assertThat(spec.unreadableFields().get(0)).startsWith("spec.gpuType: unsupported value (an object); ");
        assertThat(spec.unreadableFields().get(1)).hasSizeLessThan(200).contains(" 1" + "0".repeat(63) + "...; ");
    }

    @Test
    void aConfigNestedAsDeepAsTheApiServerAllowsIsRead() {
        int depth = 9_990;
        String deep = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        LoraTrainingJobSpec spec = read("\"gpuType\": \"ADA_80_PLUS\", \"config\": " + deep);
        assertThat(spec.unreadableFields()).containsExactly("spec.config: nested deeper than 200 levels, too deep to read");
        LoraTrainingJobSpec copy = serialization.clone(spec);
        assertThat(copy.unreadableFields()).isEqualTo(spec.unreadableFields());
        assertThat(serialization.asJson(copy)).hasSizeLessThan(2_000);
    }

    @Test
    void aConfigWithinTheReadLimitIsKeptForTheConfigRulesToJudge() {
        String deep = "{\"a\":".repeat(199) + "[1]" + "}".repeat(199);
        LoraTrainingJobSpec spec = read("\"gpuType\": \"ADA_80_PLUS\", \"config\": " + deep);
        assertThat(spec.unreadableFields()).isEmpty();
        assertThat(serialization.clone(spec).getConfig()).isEqualTo(spec.getConfig());
    }

    @Test
    void aCopyReadsTheSameAndKeepsTheValuesAsWritten() {
        LoraTrainingJobSpec spec = read("""
                "gpuType": "BLACKWELL_192", "gpuCount": 99999999999, "autoResume": {"maxAttempts": "x"}""");
        LoraTrainingJobSpec copy = serialization.clone(spec);
        assertThat(copy.unreadableFields()).hasSize(3).isEqualTo(spec.unreadableFields());
        assertThat(serialization.asJson(copy)).contains("\"gpuType\":\"BLACKWELL_192\"")
                .contains("\"gpuCount\":99999999999").contains("\"maxAttempts\":\"x\"");
    }

    @Test
    void fieldsANewerCrdAddsAreIgnored() {
        LoraTrainingJobSpec spec = read("\"gpuType\": \"ADA_80_PLUS\", \"priority\": {\"class\": \"high\"}");
        assertThat(spec.getGpuType()).isEqualTo(GpuType.ADA_80_PLUS);
        assertThat(spec.unreadableFields()).isEmpty();
    }
}
