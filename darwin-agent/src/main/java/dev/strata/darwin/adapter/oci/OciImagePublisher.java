package dev.strata.darwin.adapter.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.darwin.adapter.oci.OciLayoutTarball.Layout;
import dev.strata.darwin.port.ArtifactRegistry;
import dev.strata.darwin.port.ImagePublisher;
import dev.strata.darwin.port.RegistryException;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes an OCI image tarball (DOMAIN.md 5.4, done better): per repository, the config and layer
 * blobs are uploaded unless present and the manifest is pushed once under the first tag; every
 * further tag is a manifest reference to the same bytes. LocalAI ran {@code crane push} once per
 * tag, re-sending the image each time.
 */
public final class OciImagePublisher implements ImagePublisher {
  private final ArtifactRegistry registry;
  private final OciLayoutTarball layout = new OciLayoutTarball();
  private final ObjectMapper json = new ObjectMapper();

  public OciImagePublisher(ArtifactRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Digest publish(Path tarball, List<ImageRef> tags) throws RegistryException, IOException {
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("Tried to publish " + tarball + " under no tag");
    }
    Map<String, List<String>> byRepository = new LinkedHashMap<>();
    for (ImageRef tag : tags) {
      if (tag.tag() == null) {
        throw new IllegalArgumentException(
            "Tried to publish " + tarball + " but failed because: " + tag + " has no tag");
      }
      byRepository.computeIfAbsent(tag.repository(), r -> new ArrayList<>()).add(tag.tag());
    }
    Path dir = Files.createTempDirectory("oci-publish");
    try {
      Layout image = layout.read(tarball, dir);
      JsonNode manifest = json.readTree(image.manifest().bytes());
      List<Digest> blobs = new ArrayList<>();
      blobs.add(Digest.of(manifest.path("config").path("digest").asText()));
      manifest.path("layers").forEach(l -> blobs.add(Digest.of(l.path("digest").asText())));
      Digest expected = image.manifest().digest();
      for (Map.Entry<String, List<String>> repo : byRepository.entrySet()) {
        ImageRef repository = ImageRef.of(repo.getKey());
        for (Digest blob : blobs) {
          registry.pushBlob(repository, blob, image.blobs().get(blob.value()));
        }
        for (String tag : repo.getValue()) {
          Digest pushed = registry.pushManifest(repository, tag, image.manifest());
          if (!pushed.equals(expected)) {
            throw new RegistryException(
                "Tried to push "
                    + repository
                    + ":"
                    + tag
                    + " but failed because: the registry stored "
                    + pushed
                    + ", expected "
                    + expected);
          }
        }
      }
      return expected;
    } finally {
      OciLayoutTarball.deleteTree(dir);
    }
  }
}
