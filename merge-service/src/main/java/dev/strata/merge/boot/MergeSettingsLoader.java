package dev.strata.merge.boot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.runtime.registry.Credential;
import dev.strata.runtime.registry.CredentialHelpers;
import dev.strata.runtime.registry.RegistryCredentials;
import dev.strata.runtime.registry.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link MergeSettings} from YAML. Registries and repositories are data (the profile's), e.g.
 * LocalAI's:
 *
 * <pre>
 * defaultBranch: master
 * dockerConfig: /home/ci/.docker/config.json   # optional; else $DOCKER_CONFIG/config.json or
 *                                              # ~/.docker/config.json when present
 * insecureHosts: [registry:5000]               # plain HTTP besides loopback registries
 * credentials:                                 # optional; passwords only from the environment
 *   quay.io: {username: go-skynet+ci, passwordEnv: QUAY_PASSWORD}
 * pipelines:
 *   backend:
 *     cacheRepo: quay.io/go-skynet/ci-cache
 *     publishRepos: [quay.io/go-skynet/local-ai-backends, localai/localai-backends]
 *     prRepo: quay.io/go-skynet/ci-tests
 *     tags: backend                            # backend | root-image
 * </pre>
 *
 * Errors name the file, the key and (for YAML errors) the line.
 */
public final class MergeSettingsLoader {
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  record FileDto(
      String defaultBranch,
      String dockerConfig,
      List<String> insecureHosts,
      Map<String, CredentialDto> credentials,
      Map<String, PipelineDto> pipelines) {}

  record CredentialDto(String username, String passwordEnv) {}

  record PipelineDto(String cacheRepo, List<String> publishRepos, String prRepo, String tags) {}

  private MergeSettingsLoader() {}

  /** Loads {@code file}; {@code env} supplies passwords and the Docker config location. */
  public static MergeSettings load(Path file, Map<String, String> env) {
    FileDto dto;
    try {
      dto = YAML.readValue(Files.readAllBytes(file), FileDto.class);
    } catch (JsonMappingException e) {
      String path =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .reduce((a, b) -> a + "." + b)
              .orElse("");
      throw new IllegalArgumentException(
          file
              + ": "
              + path
              + ": "
              + e.getOriginalMessage()
              + " (near line "
              + e.getLocation().getLineNr()
              + ")",
          e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Tried to read merge settings " + file + " but failed because: " + e, e);
    }
    if (dto == null || dto.pipelines() == null || dto.pipelines().isEmpty()) {
      throw new IllegalArgumentException(
          file
              + ": no pipelines; write pipelines: {backend: {cacheRepo: ..., publishRepos: [...],"
              + " prRepo: ..., tags: backend}}");
    }
    Map<String, PipelinePublishing> pipelines = new LinkedHashMap<>();
    dto.pipelines().forEach((name, p) -> pipelines.put(name, pipeline(file, name, p)));
    return new MergeSettings(
        pipelines,
        dto.defaultBranch() == null ? "master" : dto.defaultBranch(),
        credentials(file, dto, env),
        dto.insecureHosts() == null
            ? java.util.Set.of()
            : java.util.Set.copyOf(dto.insecureHosts()),
        RetryPolicy.standard(),
        Duration.ofSeconds(30));
  }

  private static PipelinePublishing pipeline(Path file, String name, PipelineDto p) {
    String at = file + ": pipelines." + name;
    if (p == null || p.cacheRepo() == null || p.publishRepos() == null || p.prRepo() == null) {
      throw new IllegalArgumentException(at + ": cacheRepo, publishRepos and prRepo are required");
    }
    PipelinePublishing.TagStyle style;
    String tags = p.tags() == null ? "backend" : p.tags();
    switch (tags) {
      case "backend" -> style = PipelinePublishing.TagStyle.BACKEND;
      case "root-image" -> style = PipelinePublishing.TagStyle.ROOT_IMAGE;
      default ->
          throw new IllegalArgumentException(
              at + ".tags: got \"" + tags + "\"; write backend or root-image");
    }
    try {
      return new PipelinePublishing(
          ImageNaming.of(p.cacheRepo(), p.publishRepos(), p.prRepo()), style);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
    }
  }

  private static RegistryCredentials credentials(Path file, FileDto dto, Map<String, String> env) {
    RegistryCredentials credentials = RegistryCredentials.none();
    Path dockerConfig = dockerConfig(dto, env);
    if (dockerConfig != null) {
      String path = env.getOrDefault("PATH", System.getenv("PATH"));
      credentials =
          RegistryCredentials.fromDockerConfig(dockerConfig, CredentialHelpers.onPath(path));
    }
    if (dto.credentials() != null) {
      Map<String, Credential> given = new LinkedHashMap<>();
      for (Map.Entry<String, CredentialDto> e : dto.credentials().entrySet()) {
        CredentialDto c = e.getValue();
        String at = file + ": credentials." + e.getKey();
        if (c == null || c.username() == null || c.passwordEnv() == null) {
          throw new IllegalArgumentException(
              at + ": write {username: USER, passwordEnv: VARIABLE_HOLDING_THE_PASSWORD}");
        }
        String password = env.get(c.passwordEnv());
        if (password == null || password.isEmpty()) {
          throw new IllegalArgumentException(
              at + ": the environment variable " + c.passwordEnv() + " is not set");
        }
        given.put(e.getKey(), new Credential(c.username(), password));
      }
      credentials = credentials.with(RegistryCredentials.of(given));
    }
    return credentials;
  }

  private static Path dockerConfig(FileDto dto, Map<String, String> env) {
    if (dto.dockerConfig() != null) {
      return Path.of(dto.dockerConfig());
    }
    return RegistryCredentials.dockerConfigFile(env).orElse(null);
  }
}
