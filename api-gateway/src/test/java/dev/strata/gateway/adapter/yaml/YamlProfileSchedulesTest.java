package dev.strata.gateway.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.gateway.core.ScheduleSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlProfileSchedulesTest {

  @Test
  void localAiProfile_givesTheSundayBackendRunAndTheSaturdayBases() {
    List<ScheduleSpec> specs =
        YamlProfileSchedules.load(Path.of("..", "profiles", "localai.yml").toAbsolutePath());

    // DOMAIN.md 1: backend.yml 0 6 * * 0 (Sunday 06:00 UTC), base-images.yml 0 5 * * 6
    assertThat(specs)
        .extracting(s -> s.name() + " " + s.cron() + " " + s.pipelines() + " " + s.branch())
        .containsExactly(
            "backends-weekly 0 6 * * 0 [backend] master",
            "base-images-weekly 0 5 * * 6 [builder-bases] master");
    assertThat(specs)
        .allSatisfy(s -> assertThat(s.repository().fullName()).isEqualTo("mudler/LocalAI"));
  }

  @Test
  void profileWithoutSection_hasNoSchedules() {
    assertThat(YamlProfileSchedules.parse("profile: x\nmatrix: {path: m.yml}\n", "p.yml"))
        .isEmpty();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "  entries:\n    - {name: a, cron: \"0 6 * *\", pipelines: [backend]}",
            "p.yml:6: schedules.entries[0]: Invalid cron expression \"0 6 * *\""),
        Arguments.of(
            "  entries:\n    - {name: a, cron: \"0 6 * * 0\", pipeline: [backend]}",
            "p.yml:6: unknown key 'pipeline' in schedules.entries[0]; expected one of: cron,"
                + " name, pipelines"),
        Arguments.of(
            "  entries:\n    - {name: a, cron: \"0 6 * * 0\", pipelines: []}",
            "schedules.entries[0].pipelines must be a non-empty list, e.g. [backend]"),
        Arguments.of(
            "  entries:\n    - {name: Weekly, cron: \"0 6 * * 0\", pipelines: [backend]}",
            "Invalid schedule name \"Weekly\""),
        Arguments.of("  entry: []", "p.yml:5: unknown key 'entry' in schedules"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedSection_isRefusedNamingFileLineAndWhatToWrite(String tail, String expected) {
    // lines 1-4 below; the tail starts on line 5
    String text =
        "profile: x\nschedules:\n  repository: mudler/LocalAI\n  branch: master\n" + tail + "\n";
    assertThatThrownBy(() -> YamlProfileSchedules.parse(text, "p.yml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Tried to load the schedules of profile p.yml but failed because:")
        .hasMessageContaining(expected);
  }
}
