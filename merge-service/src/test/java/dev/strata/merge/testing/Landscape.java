package dev.strata.merge.testing;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.merge.core.IndexEntry;
import dev.strata.merge.core.OciIndex;
import dev.strata.merge.core.Platform;
import dev.strata.runtime.registry.RegistryClient;
import dev.strata.runtime.registry.RegistryException;
import dev.strata.runtime.testing.TestImages;
import java.util.List;
import java.util.UUID;

/**
 * LocalAI's registry landscape on local registries: a "quay" (the shared registry) holding the
 * cache repository and the first publish repository, and a "Docker Hub" (a second registry) holding
 * the second. Repository names carry a random prefix so runs never collide.
 */
public final class Landscape {
  public final ImageRef cache;
  public final ImageRef quay;
  public final ImageRef hub;
  public final ImageNaming naming;

  public Landscape(String quayHost, String hubHost) {
    String prefix = "it" + UUID.randomUUID().toString().substring(0, 8);
    cache = ImageRef.of(quayHost + "/" + prefix + "/ci-cache");
    quay = ImageRef.of(quayHost + "/" + prefix + "/local-ai-backends");
    hub = ImageRef.of(hubHost + "/" + prefix + "/localai-backends");
    naming =
        new ImageNaming(
            cache, List.of(quay, hub), ImageRef.of(quayHost + "/" + prefix + "/ci-tests"));
  }

  /**
   * What a Linux leg leaves behind (DOMAIN.md 4.4, 4.5): the image pushed by digest to both publish
   * repositories, and a one-entry index anchoring it in the cache repository under {@code
   * keepaliveTag}.
   */
  public Digest buildLeg(RegistryClient registry, String arch, String seed, String keepaliveTag)
      throws RegistryException {
    TestImages.Pushed pushed = TestImages.push(registry, quay, arch, seed);
    TestImages.push(registry, hub, arch, seed);
    TestImages.push(registry, cache, arch, seed);
    registry.pushIndex(
        cache,
        keepaliveTag,
        OciIndex.of(
            List.of(
                new IndexEntry(
                    pushed.manifest().mediaType(),
                    pushed.digest(),
                    pushed.manifest().size(),
                    new Platform("linux", arch, null)))));
    return pushed.digest();
  }
}
