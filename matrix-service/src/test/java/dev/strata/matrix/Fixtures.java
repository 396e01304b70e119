package dev.strata.matrix;

import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Matrix;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.adapter.yaml.YamlProfileLoader;
import dev.strata.matrix.core.profile.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Locates the repository and the shared LocalAI fixtures, and builds test matrices. The fixtures
 * live in {@code shared/} beside the clone ({@code <repo>/../shared}); a worktree nested one level
 * deeper finds it further up. {@code STRATA_SHARED} overrides.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The repository root (the folder holding {@code profiles/}). */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("profiles/localai.yml"))) {
        return p;
      }
    }
    throw new IllegalStateException("Cannot find profiles/localai.yml above " + dir);
  }

  /** {@code shared/fixtures/localai}. Fails (does not skip) when it is missing. */
  public static Path localai() {
    String override = System.getenv("STRATA_SHARED");
    if (override != null) {
      return Path.of(override, "fixtures", "localai");
    }
    for (Path p = repoRoot().getParent(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/fixtures/localai");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "Cannot find shared/fixtures/localai beside or above "
            + repoRoot()
            + " (set STRATA_SHARED)");
  }

  public static Path parity() {
    return localai().resolve("parity");
  }

  public static Profile localaiProfile() {
    try {
      return new YamlProfileLoader().load(repoRoot().resolve("profiles/localai.yml"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses one of the fixture matrices, e.g. {@code backend-matrix.head.yml}. */
  public static Matrix matrix(String name) {
    try {
      Path file = localai().resolve(name);
      return new SnakeYamlMatrixParser().parse(Files.readString(file), file.toString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(String name) {
    try {
      return Files.readString(localai().resolve(name));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Linux entry with the fields that matter to the filter; values are strings. */
  public static LinuxEntry linux(
      String tagSuffix, String platformTag, String backend, String kind) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    f.put("tag-latest", Scalar.string("auto"));
    f.put("tag-suffix", Scalar.string(tagSuffix));
    if (!platformTag.isEmpty()) {
      f.put("platform-tag", Scalar.string(platformTag));
    }
    f.put("backend", Scalar.string(backend));
    f.put("dockerfile", Scalar.string("./backend/Dockerfile." + kind));
    return new LinuxEntry(f);
  }

  /** A Darwin entry; {@code lang} may be null (Python). */
  public static DarwinEntry darwin(String backend, String lang) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    f.put("backend", Scalar.string(backend));
    f.put("tag-suffix", Scalar.string("-metal-darwin-arm64-" + backend));
    if (lang != null) {
      f.put("lang", Scalar.string(lang));
    }
    return new DarwinEntry(f);
  }
}
