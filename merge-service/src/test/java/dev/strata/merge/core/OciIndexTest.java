package dev.strata.merge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.Digest;
import dev.strata.runtime.registry.ManifestMediaTypes;
import dev.strata.runtime.registry.RawManifest;
import java.util.List;
import org.junit.jupiter.api.Test;

class OciIndexTest {
  private static final Digest A = new Digest("sha256:" + "a".repeat(64));
  private static final Digest B = new Digest("sha256:" + "b".repeat(64));

  private static final List<IndexEntry> ENTRIES =
      List.of(
          new IndexEntry(
              ManifestMediaTypes.OCI_MANIFEST, A, 529, new Platform("linux", "amd64", null)),
          new IndexEntry(
              ManifestMediaTypes.DOCKER_MANIFEST, B, 530, new Platform("linux", "arm64", "v8")));

  @Test
  void index_isCompactJsonInAFixedOrder() {
    RawManifest index = OciIndex.of(ENTRIES);

    assertThat(index.mediaType()).isEqualTo(ManifestMediaTypes.OCI_INDEX);
    assertThat(index.text())
        .isEqualTo(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":["
                + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                + A
                + "\",\"size\":529,\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}},"
                + "{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"digest\":\""
                + B
                + "\",\"size\":530,\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\","
                + "\"variant\":\"v8\"}}]}");
  }

  @Test
  void sameEntries_sameDigest_differentOrder_differentDigest() {
    assertThat(OciIndex.of(ENTRIES).digest()).isEqualTo(OciIndex.of(List.copyOf(ENTRIES)).digest());
    assertThat(OciIndex.of(List.of(ENTRIES.get(1), ENTRIES.get(0))).digest())
        .isNotEqualTo(OciIndex.of(ENTRIES).digest());
  }

  @Test
  void emptyIndex_isRefused() {
    assertThatThrownBy(() -> OciIndex.of(List.of())).hasMessageContaining("it has no entries");
  }
}
