package dev.strata.gateway.it;

import static dev.strata.gateway.it.TestPlatform.CI;
import static dev.strata.gateway.it.TestPlatform.sha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.runtime.config.StrataConfig;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI script reads its run right after the trigger was accepted. The gateway's run views follow
 * the event log asynchronously; with a slow projection (a long processor fetch delay, as a busy
 * PostgreSQL store can have) the run must still be readable at once, not answer 404.
 */
class ReadYourWritesIntegrationTest {
  @TempDir Path data;

  @Test
  void runIsReadableRightAfterItsTriggerWasAccepted_evenWhenTheProjectionLags() throws Exception {
    StrataConfig slow =
        StrataConfig.defaults()
            .withDataDir(data)
            .withProcessors(
                new StrataConfig.Processors(1_000, StrataConfig.Processors.DEFAULT_BATCH_SIZE));
    try (TestPlatform platform = TestPlatform.start(slow, b -> {})) {
      for (int i = 0; i < 3; i++) {
        char before = (char) ('1' + i);
        char after = (char) ('4' + i);
        HttpResponse<String> accepted =
            platform.post(
                "/v1/triggers", CI, TestPlatform.push("d-ryw-" + i, sha(before), sha(after)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String runId = new JsonObject(accepted.body()).getString("runId");

        HttpResponse<String> run = platform.get("/v1/runs/" + runId, CI);

        assertThat(run.statusCode()).as("GET right after POST: %s", run.body()).isEqualTo(200);
        assertThat(new JsonObject(run.body()).getString("runId")).isEqualTo(runId);
      }
      HttpResponse<String> unknown = platform.get("/v1/runs/nosuchrun0000000000000000", CI);
      assertThat(unknown.statusCode()).isEqualTo(404);
    }
  }
}
