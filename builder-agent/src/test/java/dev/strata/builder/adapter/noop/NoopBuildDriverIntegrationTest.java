package dev.strata.builder.adapter.noop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.builder.port.BuildListener;
import dev.strata.builder.port.BuildOutcome;
import dev.strata.builder.testing.Legs;
import dev.strata.builder.testing.LocalServices;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.RunId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The noop driver against the local registry: the recorded digest is really there. */
class NoopBuildDriverIntegrationTest {
  private static final CommitSha SHA = CommitSha.parse("0123456789abcdef0123456789abcdef01234567");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPushLeg_recordsTheSeedImageOfItsPlatform_inEveryPublishRepository() throws Exception {
    String ns = LocalServices.namespace();
    BuildPlan plan = Legs.plan(ns, RunId.of("noop1"), Legs.push(SHA), Legs.tinypy(), Legs.WEEK_48);
    List<String> lines = new ArrayList<>();

    BuildOutcome outcome = new NoopBuildDriver().build(plan, Path.of("."), lines::add);

    assertThat(outcome.digest()).isPresent();
    assertThat(outcome.pushedTo())
        .containsExactly(ImageRef.of(ns + "/backends-a"), ImageRef.of(ns + "/backends-b"));
    assertThat(outcome.anchor()).isEmpty();
    assertThat(outcome.cacheWritten()).isEmpty();
    for (ImageRef repo : outcome.pushedTo()) {
      String body = manifest(repo, outcome.digest().get().toString());
      assertThat(body).contains("\"layers\":[]");
      String config = body.replaceAll(".*\"config\":\\{[^}]*\"digest\":\"([^\"]+)\".*", "$1");
      assertThat(blob(repo, config)).contains("\"architecture\":\"amd64\"", "\"os\":\"linux\"");
    }
    assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("strata: noop driver: recorded "));
  }

  @Test
  void aPullRequestLeg_pushesNothing() throws Exception {
    String ns = LocalServices.namespace();
    BuildPlan plan =
        Legs.plan(ns, RunId.of("noop2"), Legs.pullRequest(SHA, false), Legs.tinypy(), Legs.WEEK_48);

    BuildOutcome outcome = new NoopBuildDriver().build(plan, Path.of("."), BuildListener.none());

    assertThat(outcome.digest()).isEmpty();
    assertThat(outcome.pushedTags()).isEmpty();
  }

  private String manifest(ImageRef repo, String digest) throws Exception {
    return get(repo, "manifests/" + digest, "application/vnd.oci.image.manifest.v1+json");
  }

  private String blob(ImageRef repo, String digest) throws Exception {
    return get(repo, "blobs/" + digest, "*/*");
  }

  private String get(ImageRef repo, String suffix, String accept) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + repo.registry() + "/v2/" + repo.path() + "/" + suffix))
                .header("Accept", accept)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(suffix).isEqualTo(200);
    return r.body();
  }
}
