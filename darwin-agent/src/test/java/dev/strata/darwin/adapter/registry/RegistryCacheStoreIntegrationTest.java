package dev.strata.darwin.adapter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CacheStore.Archive;
import dev.strata.domain.image.api.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCacheStoreIntegrationTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  @TempDir Path tmp;
  private final HttpArtifactRegistry registry = HttpArtifactRegistry.anonymous();

  private Path archive(String content) throws Exception {
    return Files.writeString(tmp.resolve("a-" + content.hashCode()), content);
  }

  private static String sha(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void put_find_fetch_roundTripsTheArchiveAsAnOciArtifact() throws Exception {
    ImageRef repo = TestRegistry.freshRepository("darwin-cache");
    RegistryCacheStore store = new RegistryCacheStore(registry, repo);
    Path file = archive("tar-zstd-bytes");
    String sha = sha(file);

    CacheEntry saved = store.put("brew-macOS-ARM64-v1-abc", file, sha, 14, T0);

    assertThat(store.find("brew-macOS-ARM64-v1-abc")).contains(saved);
    assertThat(registry.tags(repo)).containsExactly("darwin-brew-macOS-ARM64-v1-abc");
    try (Archive fetched = store.fetch(saved, tmp.resolve("scratch"))) {
      assertThat(fetched.path()).hasContent("tar-zstd-bytes");
    }
    assertThat(tmp.resolve("scratch")).isEmptyDirectory();
  }

  @Test
  void touch_movesTheTagToAManifestWithTheNewLastAccess_andDeletesTheOldOne() throws Exception {
    ImageRef repo = TestRegistry.freshRepository("darwin-cache");
    RegistryCacheStore store = new RegistryCacheStore(registry, repo);
    Path file = archive("x");
    CacheEntry saved = store.put("k1", file, sha(file), 1, T0);
    var before = registry.manifest(repo.withTag("darwin-k1")).orElseThrow().digest();

    store.touch(saved, T0.plusSeconds(300));

    assertThat(store.find("k1").orElseThrow().lastAccess()).isEqualTo(T0.plusSeconds(300));
    assertThat(registry.manifest(repo.withDigest(before))).isEmpty();
  }

  @Test
  void list_returnsOnlyCacheEntries_andDeleteRemovesOne() throws Exception {
    ImageRef repo = TestRegistry.freshRepository("darwin-cache");
    RegistryCacheStore store = new RegistryCacheStore(registry, repo);
    Path a = archive("aaa");
    Path b = archive("bbb");
    CacheEntry ea = store.put("pyenv-darwin-vllm-2026-W45-00ff", a, sha(a), 3, T0);
    CacheEntry eb = store.put("ccache-llama-ARM64-b1234-42", b, sha(b), 3, T0.plusSeconds(1));

    assertThat(store.list()).containsExactlyInAnyOrder(ea, eb);

    store.delete(ea);

    assertThat(store.list()).containsExactly(eb);
    assertThat(store.find(ea.key())).isEmpty();
  }

  @Test
  void keysATagCannotHold_areStoredUnderAHashedTag_andFoundByTheirKey() throws Exception {
    ImageRef repo = TestRegistry.freshRepository("darwin-cache");
    RegistryCacheStore store = new RegistryCacheStore(registry, repo);
    Path file = archive("long");
    String key =
        "pyenv-darwin-" + "a-very-long-backend-name-".repeat(3) + "2026-W45-" + "f".repeat(64);

    store.put(key, file, sha(file), 4, T0);

    assertThat(store.find(key)).map(CacheEntry::key).contains(key);
    assertThat(RegistryCacheStore.tagOf(key))
        .hasSizeLessThanOrEqualTo(128)
        .startsWith("darwin-pyenv");
  }

  @Test
  void fetch_ofAnEntryWhoseBlobIsGone_yieldsAnEmptyFile() throws Exception {
    ImageRef repo = TestRegistry.freshRepository("darwin-cache");
    RegistryCacheStore store = new RegistryCacheStore(registry, repo);
    CacheEntry ghost = new CacheEntry("k", 10, "e".repeat(64), T0, T0);

    try (Archive fetched = store.fetch(ghost, tmp)) {
      assertThat(fetched.path()).isEmptyFile();
    }
  }
}
