package dev.loraoperator.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loraoperator.api.v1alpha1.ArchiveFormat;
import dev.loraoperator.trainer.Fingerprints;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three source kinds against a local web server: what they list, what they stream, and how they fail. */
class FileSourcesTest {
    private static final byte[] JPEG = "not really a jpeg, but bytes".getBytes(StandardCharsets.UTF_8);
    private final SourceServer server = new SourceServer();
    private final SourceHttp http = new SourceHttp(new SourceHttp.Limits(Duration.ofSeconds(2), Duration.ofMillis(500),
            1_000_000, 3));
    private final Map<String, String> received = new LinkedHashMap<>();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aConfigMapYieldsEveryDataAndBinaryDataKey() throws Exception {
        ConfigMap pics = new ConfigMapBuilder().withNewMetadata().withName("pics").endMetadata()
                .addToData("dog.txt", "a corgi").addToBinaryData("dog.png", Base64.getEncoder().encodeToString(JPEG))
                .build();
        FileSource source = new ConfigMapFileSource(pics, "files[0] ConfigMap pics");
        List<DesiredFile> files = source.list();
        assertThat(files).containsExactly(new DesiredFile("dog.txt", 7), new DesiredFile("dog.png", JPEG.length));
        source.read(files, this::collect);
        assertThat(received).containsEntry("dog.txt", "a corgi").containsEntry("dog.png", new String(JPEG));
    }

    @Test
    void aConfigMapKeyThatIsNotMediaOrCaptionFailsNamingIt() throws Exception {
        ConfigMap odd = new ConfigMapBuilder().withNewMetadata().withName("odd").endMetadata()
                .addToData("notes.md", "x").build();
        assertThatThrownBy(() -> new ConfigMapFileSource(odd, "files[0] ConfigMap odd").list())
                .isInstanceOf(SourceException.class).hasMessageContaining("files[0] ConfigMap odd: notes.md is not");
    }

    @Test
    void aUrlIsNamedAfterItsLastSegmentOrItsFilenameAndStreamsVerified() throws Exception {
        server.serve("/img/dog 01.jpg", JPEG).serve("/chunked/clip", JPEG);
        FileSource byPath = new UrlFileSource(http, server.uri("/img/dog%2001.jpg"), null,
                Fingerprints.sha256Hex(new String(JPEG, StandardCharsets.UTF_8)), "files[0]");
        assertThat(byPath.list()).containsExactly(new DesiredFile("dog 01.jpg", JPEG.length));
        byPath.read(byPath.list(), this::collect);
        FileSource named = new UrlFileSource(http, server.uri("/chunked/clip"), "clip.mp4", null, "files[1]");
        assertThat(named.list()).containsExactly(new DesiredFile("clip.mp4", JPEG.length));
        named.read(named.list(), this::collect);
        assertThat(received).containsOnlyKeys("dog 01.jpg", "clip.mp4");
    }

    @Test
    void aChecksumMismatchFailsBeforeTheLastBytesAreHandedOn() throws Exception {
        server.serve("/dog.jpg", JPEG);
        FileSource source = new UrlFileSource(http, server.uri("/dog.jpg"), null, "0".repeat(64), "files[2]");
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        assertThatThrownBy(() -> source.read(source.list(), (file, in) -> in.transferTo(seen)))
                .isInstanceOf(SourceException.class).hasMessageContaining("files[2] (dog.jpg): checksum mismatch");
        assertThat(seen.size()).isLessThan(JPEG.length);
    }

    @Test
    void redirectsAreFollowedOnlyToHttp() throws Exception {
        server.serve("/real.jpg", JPEG).redirect("/moved.jpg", "/real.jpg").redirect("/evil.jpg", "file:///etc/passwd");
        assertThat(new UrlFileSource(http, server.uri("/moved.jpg"), null, null, "files[0]").list())
                .containsExactly(new DesiredFile("moved.jpg", JPEG.length));
        assertThatThrownBy(() -> new UrlFileSource(http, server.uri("/evil.jpg"), null, null, "files[1]").list())
                .isInstanceOf(SourceException.class).hasMessageContaining("only http and https URLs are followed, not file:");
    }

    @Test
    void missingStalledAndOversizedSourcesFailNamingTheFileNotTheUrl() throws Exception {
        assertThatThrownBy(() -> new UrlFileSource(http, server.uri("/gone.jpg?X-Signature=secret"), null, null,
                "files[0]").list()).isInstanceOf(SourceException.class)
                .hasMessage("files[0] (gone.jpg): the source answered HTTP 404 (not found)");
        FileSource stalled = new UrlFileSource(http, server.uri("/stall.jpg"), null, null, "files[1]");
        assertThatThrownBy(() -> stalled.read(List.of(new DesiredFile("stall.jpg", 10)), this::collect))
                .isInstanceOf(SourceException.class).hasMessageContaining("did not answer in time");
        server.serve("/big.jpg", new byte[1_000_001]);
        assertThatThrownBy(() -> new UrlFileSource(http, server.uri("/big.jpg"), null, null, "files[2]").list())
                .isInstanceOf(SourceException.class).hasMessageContaining("above the limit");
    }

    @Test
    void archivesOfEachFormatYieldTheirMediaAndCaptionsFlat() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("set/", "");
        entries.put("set/dog.jpg", "jpeg bytes");
        entries.put("set/dog.txt", "a corgi");
        entries.put("set/README.md", "skipped");
        entries.put("__MACOSX/set/._dog.jpg", "apple double, skipped");
        server.serve("/a.zip", Archives.zip(entries)).serve("/a.tar", Archives.tar(withoutDirs(entries), false))
                .serve("/a.tar.gz", Archives.tar(withoutDirs(entries), true));
        for (ArchiveFormat format : ArchiveFormat.values()) {
            String path = "/a." + (format == ArchiveFormat.TAR_GZ ? "tar.gz" : format.name().toLowerCase());
            received.clear();
            FileSource source = new ArchiveFileSource(http, server.uri(path), format, null, "files[0]");
            List<DesiredFile> files = source.list();
            assertThat(files).as(path).containsExactly(new DesiredFile("dog.jpg", 10), new DesiredFile("dog.txt", 7));
            source.read(List.of(files.get(1)), this::collect);
            assertThat(received).as(path).containsExactly(Map.entry("dog.txt", "a corgi"));
        }
    }

    @Test
    void anArchiveWithTraversalAnAbsolutePathOrALinkFailsNamingTheEntry() {
        server.serve("/evil.zip", Archives.zip(Map.of("../evil.jpg", "x")))
                .serve("/abs.tar", Archives.tar(Map.of("/etc/evil.jpg", "x"), false))
                .serve("/link.tar", Archives.tar(Map.of("dog.jpg", "->/etc/passwd"), false))
                .serve("/link.zip", Archives.zip(Map.of("dog.jpg", "->/etc/passwd")));
        assertThatThrownBy(() -> archive("/evil.zip", ArchiveFormat.ZIP).list()).isInstanceOf(SourceException.class)
                .hasMessage("files[0]: entry ../evil.jpg points outside the dataset ('..')");
        assertThatThrownBy(() -> archive("/abs.tar", ArchiveFormat.TAR).list()).isInstanceOf(SourceException.class)
                .hasMessage("files[0]: entry /etc/evil.jpg has an absolute path");
        assertThatThrownBy(() -> archive("/link.tar", ArchiveFormat.TAR).list()).isInstanceOf(SourceException.class)
                .hasMessageContaining("entry dog.jpg is a link");
        assertThatThrownBy(() -> archive("/link.zip", ArchiveFormat.ZIP).list()).isInstanceOf(SourceException.class)
                .hasMessageContaining("entry dog.jpg is a link");
    }

    @Test
    void anArchiveChecksumIsVerifiedBeforeAnythingIsListed() {
        byte[] zip = Archives.zip(Map.of("dog.jpg", "x"));
        server.serve("/a.zip", zip);
        assertThatThrownBy(() -> new ArchiveFileSource(http, server.uri("/a.zip"), ArchiveFormat.ZIP, "a".repeat(64),
                "files[0]").list()).isInstanceOf(SourceException.class).hasMessageContaining("checksum mismatch");
        assertThatThrownBy(() -> archive("/a.zip", ArchiveFormat.TAR).list()).isInstanceOf(SourceException.class)
                .hasMessageContaining("the archive holds no media or caption files");
    }

    private FileSource archive(String path, ArchiveFormat format) {
        return new ArchiveFileSource(http, server.uri(path), format, null, "files[0]");
    }

    private static Map<String, String> withoutDirs(Map<String, String> entries) {
        Map<String, String> files = new LinkedHashMap<>(entries);
        files.keySet().removeIf(k -> k.endsWith("/"));
        return files;
    }

    private void collect(DesiredFile file, java.io.InputStream in) throws java.io.IOException {
        received.put(file.name(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
}
