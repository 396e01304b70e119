package dev.strata.builder.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.builder.port.BuildListener;
import dev.strata.builder.port.BuildOutcome;
import dev.strata.builder.port.CommandResult;
import dev.strata.builder.port.CommandRunner;
import dev.strata.builder.testing.Legs;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.leg.model.BuildInvocation;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.runtime.serialization.StrataSerializers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buildx driver's flow with a scripted runner (buildx is not installed on this machine): it
 * runs the rendered build, reads the digest buildx wrote to the metadata file and anchors it.
 */
class BuildxBuildDriverTest {
  @TempDir Path tmp;

  private static final String DIGEST = "sha256:" + "cd".repeat(32);

  @Test
  void aPushLeg_buildsThenAnchorsTheDigestFromTheMetadataFile() throws Exception {
    List<List<String>> ran = new ArrayList<>();
    CommandRunner runner =
        (BuildInvocation inv, Path dir, Consumer<String> out) -> {
          ran.add(inv.argv());
          int meta = inv.argv().indexOf("--metadata-file");
          if (meta >= 0) {
            Files.writeString(
                Path.of(inv.argv().get(meta + 1)),
                "{\"containerimage.digest\":\"" + DIGEST + "\"}");
            out.accept("#4 importing cache manifest from r:5000/n/cache:cache-cpu-tinypy-amd64");
            out.accept("#4 DONE 0.1s");
            out.accept("#5 [builder 2/5] RUN x");
            out.accept("#5 CACHED");
          }
          return new CommandResult(inv.argv(), 0, Duration.ofMillis(5), List.of());
        };
    BuildPlan plan =
        Legs.plan(
            "r:5000/n",
            RunId.of("9"),
            Legs.push(CommitSha.parse("e".repeat(40))),
            Legs.tinypy(),
            Legs.WEEK_48);

    BuildOutcome o =
        new BuildxBuildDriver(runner, StrataSerializers.objectMapper(), "docker", tmp)
            .build(plan, tmp, BuildListener.none());

    assertThat(o.digest()).contains(Digest.of(DIGEST));
    assertThat(ran).hasSize(2);
    assertThat(ran.get(0).subList(0, 3)).containsExactly("docker", "buildx", "build");
    assertThat(ran.get(1))
        .containsExactly(
            "docker",
            "buildx",
            "imagetools",
            "create",
            "-t",
            "r:5000/n/cache:keepalive-9-cpu-tinypy-amd64",
            "r:5000/n/backends-a@" + DIGEST);
    assertThat(o.cacheRead()).containsExactly(plan.cache().ref());
    assertThat(o.cacheWritten())
        .singleElement()
        .satisfies(w -> assertThat(w.options()).isEqualTo("mode=max,ignore-error=true"));
    assertThat(o.steps().cachedCount()).isEqualTo(1);
  }
}
