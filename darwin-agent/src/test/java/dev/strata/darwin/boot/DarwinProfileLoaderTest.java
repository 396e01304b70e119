package dev.strata.darwin.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.darwin.core.CacheLayout;
import dev.strata.darwin.core.DarwinProfile;
import dev.strata.darwin.core.Machine;
import dev.strata.darwin.port.CachePath;
import dev.strata.darwin.testing.ShippedProfile;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarwinProfileLoaderTest {
  @TempDir Path tmp;

  private static final Machine MAC = Machine.appleSilicon(Path.of("/Users/runner"), "/usr/bin");

  @Test
  void shippedProfile_carriesLocalAisDarwinWorkflow() throws Exception {
    DarwinProfile p =
        DarwinProfileLoader.load(
            ShippedProfile.file(), List.of(ImageRef.parse("quay.io/go-skynet/local-ai-backends")));

    assertThat(p.bespokeBuilders().keySet())
        .containsExactlyInAnyOrder("llama-cpp", "ds4", "privacy-filter", "audio-cpp");
    assertThat(p.bespokeBuilders().get("llama-cpp"))
        .containsExactly(
            List.of("make", "protogen-go"), List.of("make", "backends/llama-cpp-darwin"));
    assertThat(p.bespokeBuilders().get("ds4"))
        .containsExactly(List.of("make", "backends/ds4-darwin"));
    assertThat(p.genericPrelude()).containsExactly(List.of("make", "protogen-go"));
    assertThat(p.genericTarget()).isEqualTo("build-darwin-{lang}-backend");
    assertThat(String.join(" ", p.brewInstall()))
        .isEqualTo(
            "protobuf grpc make protoc-gen-go protoc-gen-go-grpc libomp llvm ccache blake3 fmt"
                + " hiredis xxhash zstd nlohmann-json opus pkg-config");
    assertThat(p.brewReinstall()).containsExactly("ccache", "grpc");
    assertThat(p.cellarFormulae()).hasSize(14).doesNotContain("make", "pkg-config");
    assertThat(p.workflowFile()).isEqualTo(".github/workflows/backend_build_darwin.yml");
    assertThat(p.goSum()).isEqualTo("go.sum");
    assertThat(p.requirementsDir()).isEqualTo("backend/python/{backend}");
    assertThat(p.ccacheBackend()).isEqualTo("llama-cpp");
    assertThat(p.ccacheName()).isEqualTo("llama");
    assertThat(p.ccacheVersionMakefile()).isEqualTo("backend/cpp/llama-cpp/Makefile");
    assertThat(p.ccacheMaxSize()).isEqualTo("2G");
    assertThat(p.usePipBackends()).containsExactly("diffusers");
    assertThat(p.gateGoSaveOnPullRequests()).isTrue();
    assertThat(p.weekStyle()).isEqualTo(WeekKeyStyle.ISO);
    assertThat(p.imageTarball()).isEqualTo("backend-images/{backend}.tar");
    assertThat(p.platform()).isEqualTo("darwin/arm64");
    assertThat(p.publishRepositories())
        .containsExactly(ImageRef.parse("quay.io/go-skynet/local-ai-backends"));
    assertThat(CacheLayout.paths(Cache.GO, MAC, p))
        .extracting(CachePath::dir)
        .containsExactly(
            Path.of("/Users/runner/go/pkg/mod"), Path.of("/Users/runner/Library/Caches/go-build"));
    assertThat(CacheLayout.paths(Cache.WHEELS, MAC, p))
        .extracting(CachePath::name)
        .containsExactly("home/Library/Caches/pip", "home/Library/Caches/uv");
    assertThat(p.ccacheDir(MAC)).isEqualTo(Path.of("/Users/runner/Library/Caches/ccache"));
  }

  @Test
  void goSaveGate_isAProfileSwitch() throws Exception {
    Path file =
        write(
            Files.readString(ShippedProfile.file())
                .replace("gateOnPullRequests: true", "gateOnPullRequests: false"));

    assertThat(DarwinProfileLoader.load(file, List.of()).gateGoSaveOnPullRequests()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "route for a backend that is not bespoke"
            + "|    ds4: [make backends/ds4-darwin]"
            + "|    ds4: [make backends/ds4-darwin]\\n    vllm: [make x]"
            + "|darwinAgent.routes.vllm: is not in darwin.bespokeBuilders",
        "missing route"
            + "|    audio-cpp: [make backends/audio-cpp-darwin]\\n"
            + "|"
            + "|darwinAgent.routes: has no route for the bespoke builders [audio-cpp]",
        "path outside the home directory"
            + "|paths: [~/Library/Caches/pip, ~/Library/Caches/uv]"
            + "|paths: [/tmp/pip]"
            + "|darwinAgent.caches.wheels.paths: \"/tmp/pip\" is not a directory under the home",
        "gate that is not a boolean"
            + "|gateOnPullRequests: true"
            + "|gateOnPullRequests: sometimes"
            + "|darwinAgent.caches.go.gateOnPullRequests: \"sometimes\" is not a boolean",
        "unknown week style"
            + "|weekKey: iso"
            + "|weekKey: gregorian"
            + "|darwinAgent.caches.wheels.weekKey: unknown value \"gregorian\"; write iso",
        "unknown key"
            + "|  usePip: [diffusers]"
            + "|  usePip: [diffusers]\\n  cache: {}"
            + "|darwinAgent.cache: unknown key; write one of brew, caches, generic, image",
        "quoted command"
            + "|    ds4: [make backends/ds4-darwin]"
            + "|    ds4: ['make \"backends/ds4-darwin\"']"
            + "|has quotes, but commands are split on spaces",
        "list where a value belongs"
            + "|    target: build-darwin-{lang}-backend"
            + "|    target: [a, b]"
            + "|darwinAgent.generic.target: must be a single value",
      })
  void malformedSection_isRefusedWithFileLineAndWhatToWrite(
      String what, String from, String to, String message) throws Exception {
    String shipped = Files.readString(ShippedProfile.file());
    String needle = from.replace("\\n", "\n");
    assertThat(shipped).as(what).contains(needle);
    String text = shipped.replace(needle, to == null ? "" : to.replace("\\n", "\n"));
    Path file = write(text);
    int line = lineOfFirstDifference(shipped, text);

    assertThatThrownBy(() -> DarwinProfileLoader.load(file, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining(message)
        .satisfies(
            e -> {
              int reported = Integer.parseInt(e.getMessage().split(":")[1]);
              assertThat(reported).as(e.getMessage()).isBetween(line - 12, line + 1);
            });
  }

  @Test
  void missingAgentSection_saysWhatToWrite() throws Exception {
    Path file = write("profile: x\ndarwin:\n  bespokeBuilders: []\n");

    assertThatThrownBy(() -> DarwinProfileLoader.load(file, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ":1: darwinAgent: is missing; write darwinAgent: {routes: {...}, caches: {...}}");
  }

  private Path write(String text) throws Exception {
    Path file = tmp.resolve("profile.yml");
    Files.writeString(file, text);
    return file;
  }

  private static int lineOfFirstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return i + 1;
      }
    }
    return Math.min(x.length, y.length);
  }
}
