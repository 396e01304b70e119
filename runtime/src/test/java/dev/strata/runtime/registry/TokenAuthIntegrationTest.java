package dev.strata.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.testing.LocalRegistry;
import dev.strata.runtime.testing.SharedRegistry;
import dev.strata.runtime.testing.TestImages;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bearer challenge flow against a real docker-registry configured for token auth (as quay and
 * Docker Hub are): 401 with a challenge, a token fetched from the realm with Basic credentials,
 * cached per scope, and a cross-repository mount needing two scopes.
 */
class TokenAuthIntegrationTest {

  @Test
  void bearerRegistry_acceptsPushResolveMountAndDelete_withATokenPerScope(@TempDir Path dir)
      throws Exception {
    try (TokenServer tokens = new TokenServer(dir, "ci", "s3cret");
        LocalRegistry secured = LocalRegistry.start(tokens.registryAuthYaml())) {
      RegistryClient client =
          new RegistryClient(
              RegistryTransport.standard(
                  RegistryCredentials.of(Map.of(secured.host(), new Credential("ci", "s3cret")))));
      ImageRef source = SharedRegistry.freshRepository(secured.host(), "ci-cache");
      ImageRef target = SharedRegistry.freshRepository(secured.host(), "local-ai-backends");

      TestImages.Pushed image = TestImages.push(client, source, "amd64", "token");
      // one token for the pull-scoped HEADs, one for the pull,push-scoped uploads
      assertThat(tokens.issued.get()).isEqualTo(2);

      assertThat(client.manifest(image.ref())).contains(image.manifest());
      assertThat(tokens.issued.get()).as("the pull token is cached").isEqualTo(2);

      var mounted = client.copyBlob(source, target, image.layer());
      assertThat(mounted).isEqualTo(BlobTransfer.MOUNTED);
      assertThat(tokens.issued.get())
          .as("target pull (presence check), then target push + source pull (mount)")
          .isEqualTo(4);

      assertThat(client.deleteManifest(source, image.digest())).isTrue();
      assertThat(client.hasManifest(source, image.digest())).isFalse();
    }
  }

  @Test
  void wrongPassword_failsAtTheTokenEndpoint_withoutShowingIt(@TempDir Path dir) throws Exception {
    try (TokenServer tokens = new TokenServer(dir, "ci", "s3cret");
        LocalRegistry secured = LocalRegistry.start(tokens.registryAuthYaml())) {
      RegistryClient client =
          new RegistryClient(
              RegistryTransport.standard(
                  RegistryCredentials.of(Map.of(secured.host(), new Credential("ci", "wrong")))));
      ImageRef repo = SharedRegistry.freshRepository(secured.host(), "ci-cache");

      assertThatThrownBy(() -> client.tags(repo))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.isTransient()).isFalse())
          .hasMessageStartingWith("Tried to fetch a token for scope repository:" + repo.path())
          .hasMessageContaining("but failed because: 401 UNAUTHORIZED (bad credentials)")
          .hasMessageNotContaining("wrong");
    }
  }
}
