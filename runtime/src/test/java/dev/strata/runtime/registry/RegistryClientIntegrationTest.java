package dev.strata.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.testing.LocalRegistry;
import dev.strata.runtime.testing.SharedRegistry;
import dev.strata.runtime.testing.TestImages;
import dev.strata.runtime.testing.TestImages.Pushed;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryClientIntegrationTest {
  private final RegistryClient registry =
      new RegistryClient(RegistryTransport.standard(RegistryCredentials.none()));

  private static RawManifest index(Pushed... images) {
    StringBuilder json =
        new StringBuilder(
            "{\"schemaVersion\":2,\"mediaType\":\""
                + ManifestMediaTypes.OCI_INDEX
                + "\",\"manifests\":[");
    String[] arches = {"amd64", "arm64"};
    for (int i = 0; i < images.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"mediaType\":\"")
          .append(images[i].manifest().mediaType())
          .append("\",\"digest\":\"")
          .append(images[i].digest())
          .append("\",\"size\":")
          .append(images[i].manifest().size())
          .append(",\"platform\":{\"architecture\":\"")
          .append(arches[i])
          .append("\",\"os\":\"linux\"}}");
    }
    return RawManifest.of(ManifestMediaTypes.OCI_INDEX, json.append("]}").toString());
  }

  @Test
  void pushedImagesAndIndex_readBackWithTheirMediaTypesAndDigests() throws Exception {
    ImageRef repo = SharedRegistry.freshRepository("client");
    Pushed amd = TestImages.push(registry, repo, "amd64", "a");
    Pushed arm = TestImages.push(registry, repo, "arm64", "a", ManifestMediaTypes.DOCKER_MANIFEST);
    RawManifest index = index(amd, arm);

    Digest pushed = registry.pushIndex(repo, "master-cpu", index);

    assertThat(pushed).isEqualTo(index.digest());
    assertThat(registry.manifest(repo.withTag("master-cpu"))).contains(index);
    assertThat(registry.manifest(amd.ref()).orElseThrow().mediaType())
        .isEqualTo(ManifestMediaTypes.OCI_MANIFEST);
    assertThat(registry.manifest(arm.ref()).orElseThrow().mediaType())
        .isEqualTo(ManifestMediaTypes.DOCKER_MANIFEST);
    assertThat(registry.resolveTag(repo.withTag("master-cpu"))).contains(index.digest());
    assertThat(registry.hasManifest(repo, arm.digest())).isTrue();
    assertThat(registry.blobSize(repo, amd.layer())).isPresent();
    JsonNode config = new ObjectMapper().readTree(registry.blob(repo, amd.config()));
    assertThat(config.path("architecture").asText()).isEqualTo("amd64");
    assertThat(registry.tags(repo)).containsExactly("master-cpu");
  }

  @Test
  void absentThings_areEmptyNotErrors() throws Exception {
    ImageRef repo = SharedRegistry.freshRepository("absent");
    Digest nothing = RawManifest.sha256(new byte[] {1, 2, 3});

    assertThat(registry.resolveTag(repo.withTag("nope"))).isEmpty();
    assertThat(registry.manifest(repo.withDigest(nothing))).isEmpty();
    assertThat(registry.hasManifest(repo, nothing)).isFalse();
    assertThat(registry.blobSize(repo, nothing)).isEmpty();
    assertThat(registry.tags(repo)).isEmpty();
    assertThat(registry.deleteManifest(repo, nothing)).isFalse();
  }

  @Test
  void deletingADigest_removesEveryTagOnIt() throws Exception {
    ImageRef repo = SharedRegistry.freshRepository("delete");
    Pushed amd = TestImages.push(registry, repo, "amd64", "d");
    RawManifest index = index(amd);
    registry.pushIndex(repo, "one", index);
    registry.pushIndex(repo, "two", index);

    assertThat(registry.deleteManifest(repo, index.digest())).isTrue();

    assertThat(registry.resolveTag(repo.withTag("one"))).isEmpty();
    assertThat(registry.resolveTag(repo.withTag("two"))).isEmpty();
    assertThat(registry.hasManifest(repo, amd.digest())).isTrue();
  }

  @Test
  void deletingByTag_isRefusedWithWhatToDoInstead() {
    ManifestDeleter deleter =
        new ManifestDeleter(RegistryTransport.standard(RegistryCredentials.none()));
    ImageRef tagged = SharedRegistry.freshRepository("bytag").withTag("latest");
    Digest digest = RawManifest.sha256(new byte[0]);

    assertThatThrownBy(() -> deleter.delete(tagged, digest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delete manifests by digest only")
        .hasMessageContaining("resolve the tag");
  }

  @Test
  void indexReferencingAnUnknownManifest_failsNamingTheRegistryErrorCode() throws Exception {
    ImageRef source = SharedRegistry.freshRepository("src");
    ImageRef empty = SharedRegistry.freshRepository("empty");
    Pushed amd = TestImages.push(registry, source, "amd64", "x");

    assertThatThrownBy(() -> registry.pushIndex(empty, "v1", index(amd)))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.isTransient()).isFalse();
              assertThat(e.status()).isEqualTo(400);
            })
        .hasMessageStartingWith("Tried to push index " + empty.withTag("v1"))
        .hasMessageContaining("but failed because: 400 MANIFEST_BLOB_UNKNOWN");
  }

  @Test
  void blobsMoveBetweenRepositories_byMountWithinARegistry_byCopyAcrossRegistries()
      throws Exception {
    ImageRef source = SharedRegistry.freshRepository("mount-src");
    ImageRef sameRegistry = SharedRegistry.freshRepository("mount-dst");
    Pushed amd = TestImages.push(registry, source, "amd64", "m");
    try (LocalRegistry other = LocalRegistry.start()) {
      ImageRef otherRegistry = SharedRegistry.freshRepository(other.host(), "copy-dst");

      assertThat(registry.copyBlob(source, sameRegistry, amd.layer()))
          .isEqualTo(BlobTransfer.MOUNTED);
      assertThat(registry.copyBlob(source, sameRegistry, amd.layer()))
          .isEqualTo(BlobTransfer.PRESENT);
      assertThat(registry.copyBlob(source, otherRegistry, amd.layer()))
          .isEqualTo(BlobTransfer.COPIED);

      assertThat(registry.blobSize(otherRegistry, amd.layer()))
          .isEqualTo(registry.blobSize(source, amd.layer()));
      assertThat(registry.blobSize(otherRegistry, amd.layer())).isPresent();
    }
  }

  @Test
  void refusedMount_fallsBackToCopy() throws Exception {
    ImageRef source = SharedRegistry.freshRepository("refuse-src");
    ImageRef target = SharedRegistry.freshRepository("refuse-dst");
    Pushed amd = TestImages.push(registry, source, "amd64", "r");
    // distribution answers a mount from a repository lacking the blob with an upload session
    ImageRef lacking = SharedRegistry.freshRepository("lacking");
    BlobMounter mounter = new BlobMounter(RegistryTransport.standard(RegistryCredentials.none()));

    assertThatThrownBy(() -> mounter.mount(lacking, target, amd.layer()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("Tried to get blob " + lacking.withDigest(amd.layer()))
        .hasMessageContaining("404 BLOB_UNKNOWN");
    assertThat(mounter.mount(source, target, amd.layer())).isEqualTo(BlobTransfer.MOUNTED);
  }

  @Test
  void registryDown_isTransientAfterRetries_andARetryInTimeSucceeds() throws Exception {
    try (LocalRegistry local = LocalRegistry.start()) {
      ImageRef repo = SharedRegistry.freshRepository(local.host(), "down");
      Pushed amd = TestImages.push(registry, repo, "amd64", "down");
      RegistryClient impatient =
          new RegistryClient(
              new RegistryTransport(
                  RegistryCredentials.none(),
                  new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)),
                  Set.of(),
                  Duration.ofSeconds(2),
                  Clock.systemUTC()));
      local.stop();

      assertThatThrownBy(() -> impatient.manifest(amd.ref()))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.isTransient()).isTrue())
          .hasMessageStartingWith("Tried to get manifest " + amd.ref())
          .hasMessageContaining("but failed because: no response");

      RegistryClient patient =
          new RegistryClient(
              new RegistryTransport(
                  RegistryCredentials.none(),
                  new RetryPolicy(40, Duration.ofMillis(100), Duration.ofMillis(100)),
                  Set.of(),
                  Duration.ofSeconds(2),
                  Clock.systemUTC()));
      Thread restarter =
          new Thread(
              () -> {
                try {
                  Thread.sleep(500);
                  local.restart();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      restarter.start();
      assertThat(patient.manifest(amd.ref())).contains(amd.manifest());
      restarter.join();
    }
  }
}
