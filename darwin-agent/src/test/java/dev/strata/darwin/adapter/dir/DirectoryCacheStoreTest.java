package dev.strata.darwin.adapter.dir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CacheStore.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCacheStoreTest {
  @TempDir Path tmp;
  private static final String SHA = "a".repeat(64);
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  @Test
  void put_thenFind_returnsTheEntryWithSizeChecksumAndTimes() throws Exception {
    DirectoryCacheStore store = new DirectoryCacheStore(tmp.resolve("store"));
    Path archive = Files.writeString(tmp.resolve("upload"), "archive-bytes");

    CacheEntry saved = store.put("brew-macOS-ARM64-v1-abc", archive, SHA, 13, T0);

    assertThat(store.find("brew-macOS-ARM64-v1-abc")).contains(saved);
    assertThat(saved).isEqualTo(new CacheEntry("brew-macOS-ARM64-v1-abc", 13, SHA, T0, T0));
    try (Archive a = store.fetch(saved, tmp)) {
      assertThat(a.path()).hasContent("archive-bytes");
    }
    assertThat(store.list()).containsExactly(saved);
    assertThat(tmp.resolve("store/.tmp")).isEmptyDirectory();
  }

  @Test
  void touch_recordsTheLastAccessDurably() throws Exception {
    DirectoryCacheStore store = new DirectoryCacheStore(tmp);
    CacheEntry saved = store.put("k", Files.writeString(tmp.resolve("u"), "x"), SHA, 1, T0);

    store.touch(saved, T0.plusSeconds(60));

    assertThat(new DirectoryCacheStore(tmp).find("k").orElseThrow().lastAccess())
        .isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void anArchiveWithoutMetadata_isNotAnEntry() throws Exception {
    DirectoryCacheStore store = new DirectoryCacheStore(tmp);
    Files.writeString(store.archive("half"), "partial upload");

    assertThat(store.find("half")).isEmpty();
    assertThat(store.list()).isEmpty();
  }

  @Test
  void delete_removesArchiveAndMetadata() throws Exception {
    DirectoryCacheStore store = new DirectoryCacheStore(tmp.resolve("s"));
    CacheEntry saved = store.put("k", Files.writeString(tmp.resolve("u"), "x"), SHA, 1, T0);

    store.delete(saved);

    assertThat(store.find("k")).isEmpty();
    assertThat(store.archive("k")).doesNotExist();
  }

  @Test
  void keysWithUnsafeCharacters_areStoredUnderAHashedName() throws Exception {
    DirectoryCacheStore store = new DirectoryCacheStore(tmp.resolve("s"));

    store.put("a key/with slash", Files.writeString(tmp.resolve("u"), "x"), SHA, 1, T0);

    assertThat(store.find("a key/with slash")).isPresent();
    assertThat(DirectoryCacheStore.fileName("a key/with slash")).startsWith("h-").hasSize(66);
  }
}
