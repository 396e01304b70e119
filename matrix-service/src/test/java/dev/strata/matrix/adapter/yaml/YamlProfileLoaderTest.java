package dev.strata.matrix.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.matrix.Fixtures;
import dev.strata.matrix.core.profile.Profile;
import dev.strata.matrix.core.profile.Selector;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile loader accepts LocalAI's profile and rejects malformed ones with file:line. */
class YamlProfileLoaderTest {
  private static final String LOCALAI = read();

  private static String read() {
    try {
      return Files.readString(Fixtures.repoRoot().resolve("profiles/localai.yml"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void localAiProfile_declaresTheLocalAiRules() {
    Profile p = Fixtures.localaiProfile();

    assertThat(p.matrixPath()).isEqualTo(".github/backend-matrix.yml");
    assertThat(p.protoPath()).isEqualTo("backend/backend.proto");
    assertThat(p.linux().paths()).hasSize(11);
    assertThat(p.linux().forks())
        .singleElement()
        .satisfies(f -> assertThat(f.watch()).containsExactly("backend/cpp/llama-cpp/"));
    assertThat(p.darwin().bespokeBuilders())
        .containsExactlyInAnyOrder("llama-cpp", "ds4", "privacy-filter", "audio-cpp");
    assertThat(p.sharedInputs()).hasSize(12);
    assertThat(p.sharedInputs().get(0).suppressWhenProtoAdditive()).isTrue();
    assertThat(p.sharedInputs().get(8).darwin()).isEqualTo(new Selector.OfBackend("llama-cpp"));
    assertThat(p.limits().singleArchShards()).isEqualTo(4);
    assertThat(p.limits().jobLimit()).isEqualTo(256);
    assertThat(p.limits().compareCap()).isEqualTo(300);
    assertThat(p.registries().ciCache()).isEqualTo("quay.io/go-skynet/ci-cache");
    assertThat(p.registries().publish())
        .containsExactly("quay.io/go-skynet/local-ai-backends", "localai/localai-backends");
    assertThat(p.registries().pullRequest()).isEqualTo("quay.io/go-skynet/ci-tests");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown key | dockerfileRule: true | dockerfileRules: true | p.yml:61:3: unknown key 'dockerfileRules' under linux; expected one of: bespokeBuilders, classes, dockerfileRule, forks, paths",
        "wrong type | singleArchShards: 4 | singleArchShards: four | p.yml:140:21: wrong type at limits.singleArchShards; expected an integer",
        "list expected | bespokeBuilders: [llama-cpp, ds4, privacy-filter, audio-cpp] | bespokeBuilders: llama-cpp | p.yml:64:20: wrong type at darwin.bespokeBuilders; expected a list",
        "unknown selector | darwin: generic-go | darwin: go | p.yml:99:13: unknown selector 'go' for darwin; expected all, none, backend:<name> or a class declared under darwin.classes [python, generic-go]",
        "bad selector | linux: python | linux: 'python!' | p.yml:93:12: Invalid selector \"python!\"",
        "bad template | path: backend/rust/{backend}/ | path: backend/rust/{name}/ | p.yml:39:13: Invalid path template \"backend/rust/{name}/\": unknown placeholder {name}",
        "missing key | compareCap: 300 | '' | missing key 'compareCap' under limits",
        "null value | ciCache: quay.io/go-skynet/ci-cache | ciCache: | p.yml:148:11: 'registries.ciCache' has no value",
        "empty list | bespokeBuilders: [llama-cpp, ds4, privacy-filter, audio-cpp] | bespokeBuilders: | 'darwin.bespokeBuilders' has no value; write a list after the colon",
        "empty integer | singleArchShards: 4 | singleArchShards: | p.yml:140:20: 'limits.singleArchShards' has no value; write an integer",
        "missing top-level key | \\nlinux: | \\nlinuxx: | missing key 'linux' at the top level",
      })
  void malformedProfile_isRejectedWithFileLineAndWhatIsExpected(
      String what, String from, String to, String message) {
    from = from.replace("\\n", "\n");
    to = to.replace("\\n", "\n");
    String broken =
        LOCALAI.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    assertThat(broken).as(what).isNotEqualTo(LOCALAI);
    assertThatThrownBy(() -> new YamlProfileLoader().parse(broken, "p.yml"))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("Tried to load profile p.yml but failed because: ")
        .hasMessageContaining(message);
  }
}
