package dev.strata.matrix.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.matrix.Fixtures;
import dev.strata.matrix.core.pipeline.Pipelines;
import dev.strata.matrix.core.profile.Profile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile's {@code pipelines} section: LocalAI's three, and mistakes reported at file:line. */
class PipelineProfileTest {
  private static final String BASE =
      """
      profile: t
      matrix: {path: m.yml}
      proto: {path: p.proto}
      linux: {paths: [{path: "backend/{backend}/"}]}
      darwin: {paths: [{path: "backend/{backend}/"}]}
      sharedInputs: []
      limits: {singleArchShards: 4, jobLimit: 256, compareCap: 300}
      registries: {ciCache: r/c, publish: [r/p], pullRequest: r/t}
      """;
  private static final String PIPELINES =
      """
      pipelines:
        backend: {kind: backend-matrix}
        root:
          kind: fixed-legs
          push: {branches: [master], tags: true, skipWhenEveryFileMatches: ["docs/**"]}
          pullRequest: {pathsIgnore: ["**/*.md"]}
          legs:
            - {runs-on: ubuntu-latest, tag-suffix: "", platform-tag: amd64}
            - {runs-on: ubuntu-24.04-arm, tag-suffix: "", platform-tag: arm64}
          merges:
            - {name: core, tag-suffix: "", tag-latest: auto}
      """;

  private static Profile parse(String text) throws ProfileException {
    return new YamlProfileLoader().parse(text, "p.yml");
  }

  @Test
  void localAiProfile_declaresBackendRootImageAndBuilderBases() {
    Pipelines p = Fixtures.localaiProfile().pipelines();

    assertThat(p.order()).containsExactly("backend", "root-image", "builder-bases");
    assertThat(p.backend()).isEqualTo("backend");
    assertThat(p.fixed("root-image").orElseThrow().legs()).hasSize(10);
    assertThat(p.fixed("root-image").orElseThrow().merges()).hasSize(8);
    assertThat(p.fixed("builder-bases").orElseThrow().legs()).hasSize(10);
  }

  @Test
  void aProfileWithoutPipelines_plansOnlyTheBackendMatrix() throws Exception {
    assertThat(parse(BASE).pipelines().order()).containsExactly("backend");
  }

  @Test
  void aSmallProfile_loads_withTheDefaultLegIdPrefix() throws Exception {
    Pipelines p = parse(BASE + PIPELINES).pipelines();

    assertThat(p.fixed("root").orElseThrow().legs())
        .extracting(l -> l.id().value())
        .containsExactly("root:@amd64", "root:@arm64");
  }

  // lines: BASE has 8, so "pipelines:" is line 9, "root:" 11, "kind: fixed-legs" 12, "push:" 13,
  // the legs 16-17, the merge 19
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown kind | kind: fixed-legs | kind: fixed | p.yml:12:11: unknown pipeline kind 'fixed'; expected backend-matrix, fixed-legs or builder-bases",
        "no backend | backend: {kind: backend-matrix} | other: {kind: fixed-legs, legs: []} | p.yml:10:17: pipeline 'other' declares no trigger; write push:, pullRequest:, schedule: or workflowDispatch: true",
        "no trigger | push: {branches: [master], tags: true, skipWhenEveryFileMatches: [\"docs/**\"]}\\n    pullRequest: {pathsIgnore: [\"**/*.md\"]} | x: 1 | p.yml:13:5: unknown key 'x' under pipelines.root",
        "bad regex | \"docs/**\" | \"regex:(docs\" | p.yml:13:71: Invalid path pattern \"regex:(docs\": not a regular expression",
        "missing runs-on | {runs-on: ubuntu-latest, tag-suffix: \"\", platform-tag: amd64} | {tag-suffix: \"\", platform-tag: amd64} | p.yml:16:9: leg has no 'runs-on'; write runs-on: ubuntu-latest",
        "bad tag-suffix | {runs-on: ubuntu-latest, tag-suffix: \"\", platform-tag: amd64} | {runs-on: ubuntu-latest, tag-suffix: cpu, platform-tag: amd64} | p.yml:16:9: Invalid tag-suffix \"cpu\"",
        "bad platform-tag | platform-tag: arm64 | platform-tag: riscv | p.yml:17:9: Invalid platform-tag \"riscv\"",
        "duplicate leg | platform-tag: arm64 | platform-tag: amd64 | p.yml:17:9: duplicate leg root:@amd64 in pipeline 'root'",
        "leg without merge | {runs-on: ubuntu-24.04-arm, tag-suffix: \"\" | {runs-on: ubuntu-24.04-arm, tag-suffix: \"-gpu\" | p.yml:17:9: leg root:-gpu@arm64 has tag-suffix '-gpu' but no merge declares it",
        "merge without legs | {name: core, tag-suffix: \"\" | {name: core, tag-suffix: \"-x\" | p.yml:19:16: merge 'core' has no leg with tag-suffix '-x'",
        "merge without tag-latest | , tag-latest: auto} | } | p.yml:19:16: merge 'core' needs tag-latest: auto",
        "nested leg field | platform-tag: amd64} | platform-tag: [amd64]} | p.yml:16:64: field 'platform-tag' must be a scalar",
        "wrong trigger type | tags: true | tags: yes please | p.yml:13:38: wrong type at pipelines.root.push.tags; expected true or false",
      })
  void mistakes_areReportedAtFileLine(String what, String from, String to, String message) {
    String text = BASE + PIPELINES;
    String broken =
        text.replaceFirst(
            Pattern.quote(from.replace("\\n", "\n")),
            Matcher.quoteReplacement(to.replace("\\n", "\n")));
    assertThat(broken).as(what).isNotEqualTo(text);

    assertThatThrownBy(() -> parse(broken))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("Tried to load profile p.yml but failed because: ")
        .hasMessageContaining(message);
  }

  @Test
  void builderBasesWithoutBases_sayWhatToWrite() {
    String text =
        BASE
            + "pipelines:\n  backend: {kind: backend-matrix}\n  bases:\n"
            + "    kind: builder-bases\n    workflowDispatch: true\n";

    assertThatThrownBy(() -> parse(text))
        .hasMessageContaining(
            "p.yml:12:11: pipeline 'bases' of kind builder-bases reads builder.bases.variants");
  }

  @Test
  void twoBackendMatrices_areRejected() {
    String text =
        BASE + "pipelines:\n  backend: {kind: backend-matrix}\n  b2: {kind: backend-matrix}\n";

    assertThatThrownBy(() -> parse(text))
        .hasMessageContaining(
            "p.yml:11:14: a second backend-matrix pipeline ('backend' is the first)");
  }
}
