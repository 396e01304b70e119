package dev.strata.audit.core.seed;

import dev.strata.domain.cache.api.IsoWeek;
import dev.strata.domain.cache.model.CcacheMounts;
import dev.strata.domain.leg.model.AptMirror;
import dev.strata.domain.leg.model.LegBuildArgs;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The recorded inputs of a simulated Linux leg, built with the domain's build-arg policy. */
final class LegInputs {
  static final String AMDGPU = "gfx908,gfx90a,gfx942,gfx950,gfx1030,gfx1100,gfx1101,gfx1102";
  private static final CcacheMounts CCACHE =
      new CcacheMounts(Set.of("llama-cpp", "ik-llama-cpp", "turboquant", "bonsai", "ds4"));

  private LegInputs() {}

  /** What {@code e}'s leg records: LocalAI's build-args in order, digests of its files. */
  static BuildInputs of(SeedEntry e, AptMirror mirror, String week, int source) {
    List<BuildArg> args =
        LegBuildArgs.of(linux(e), new LegBuildArgs.Context(mirror, new IsoWeek(week), AMDGPU))
            .stream()
            .map(a -> new BuildArg(a.name(), a.value()))
            .toList();
    return new BuildInputs(
        args,
        e.get("base-image"),
        e.builderBase(),
        fileDigest(e.dockerfile() + "#1"),
        fileDigest(e.backend() + "@" + source),
        "docker 20.10.24 buildkit",
        CCACHE.mountId(e.backend(), e.platform(), e.get("build-type")).orElse(""),
        -1);
  }

  static LinuxEntry linux(SeedEntry e) {
    Map<String, Scalar> fields = new LinkedHashMap<>();
    e.fields().forEach((k, v) -> fields.put(k, Scalar.string(v)));
    return new LinuxEntry(fields);
  }

  /** A stand-in content digest: SHA-256 of {@code seed}. */
  static String fileDigest(String seed) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
