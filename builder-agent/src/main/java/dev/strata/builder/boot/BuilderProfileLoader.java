package dev.strata.builder.boot;

import dev.strata.domain.cache.model.CcacheMounts;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.model.AptMirror;
import dev.strata.domain.leg.model.AptMirrorPolicy;
import dev.strata.domain.leg.model.BaseVariant;
import dev.strata.domain.leg.model.LegProfile;
import dev.strata.domain.leg.model.RootImageProfile;
import dev.strata.runtime.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the builder's keys of a profile file; keys other parts of Strata own (the change filter's)
 * are left alone. Only {@code registries} is required:
 *
 * <pre>
 * registries:
 *   ciCache: quay.io/go-skynet/ci-cache
 *   publish: [quay.io/go-skynet/local-ai-backends, localai/localai-backends]
 *   pullRequest: quay.io/go-skynet/ci-tests
 * builder:
 *   webBaseUrl: https://github.com          # source/url labels: &lt;webBaseUrl&gt;/&lt;owner&gt;/&lt;name&gt;
 *   weekKey: iso                            # or calendar-year (LocalAI's date -u +%Y-W%V)
 *   defaultAmdgpuTargets: gfx908,gfx90a,...
 *   aptMirrors:
 *     hostedRunners: [ubuntu-latest, ubuntu-24.04-arm]
 *     hosted: {mirror: http://azure.archive.ubuntu.com, portsMirror: http://azure.ports.ubuntu.com}
 *     selfHosted: {mirror: http://mirrors.edge.kernel.org, portsMirror: ""}
 *   ccacheBackends: [llama-cpp, ik-llama-cpp, turboquant, bonsai, ds4, privacy-filter, audio-cpp]
 *   bases:
 *     dockerfile: backend/Dockerfile.base-grpc-builder
 *     context: ./
 *     variants:
 *       - {tag: base-grpc-amd64, runsOn: ubuntu-latest, baseImage: "ubuntu:24.04", ubuntuVersion: "2404"}
 *       - {tag: base-grpc-cuda-12-amd64, runsOn: ubuntu-latest, baseImage: "ubuntu:24.04",
 *          buildType: cublas, cudaMajor: "12", cudaMinor: "8", ubuntuVersion: "2404"}
 *   rootImage:                              # optional: legs of this pipeline are root image legs
 *     pipeline: root-image
 *     publish: [quay.io/go-skynet/local-ai, localai/localai]
 *     imageName: localai                    # cache-localai&lt;sfx&gt;-&lt;pt&gt;
 *     emptySuffixPlaceholder: -core         # keepalive-&lt;run&gt;-core-&lt;pt&gt;
 *     dockerfile: ./Dockerfile
 *     context: .
 *     inputDefaults: {cuda-minor-version: "9", makeflags: --jobs=4 --output-sync=target}
 * </pre>
 */
public final class BuilderProfileLoader {
  private BuilderProfileLoader() {}

  /** Loads {@code file}; every problem is a {@link ConfigException} naming file and line. */
  public static BuilderProfile load(Path file) throws ConfigException {
    Node root;
    try (Reader r = Files.newBufferedReader(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(r);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "Tried to read profile " + file + " but failed because: the file does not exist");
    } catch (MarkedYAMLException e) {
      throw new ConfigException(
          file + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
    } catch (IOException e) {
      throw new ConfigException(
          "Tried to read profile " + file + " but failed because: " + e.getMessage(), e);
    }
    YamlNodes y = new YamlNodes(file);
    if (!(root instanceof MappingNode)) {
      throw y.error(root, "profile", "must be a mapping", "\"registries: {...}\" at the top");
    }
    try {
      return read(y, root);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  private static BuilderProfile read(YamlNodes y, Node root) throws ConfigException {
    String name = y.string(root, "profile", "profile", "profile: localai", "unnamed");
    MappingNode reg =
        y.mapping(root, "registries", "registries", "registries: {ciCache: ..., publish: [...]}");
    ImageNaming naming =
        ImageNaming.of(
            y.string(reg, "ciCache", "registries.ciCache", "ciCache: quay.io/go-skynet/ci-cache"),
            y.strings(reg, "publish", "registries.publish", "publish: [quay.io/a/b]", true),
            y.string(
                reg, "pullRequest", "registries.pullRequest", "pullRequest: quay.io/a/ci-tests"));
    Optional<MappingNode> builder =
        y.optionalMapping(root, "builder", "builder", "builder: {weekKey: iso, ...}");
    Node b = builder.orElse(null);
    String weekKey = y.string(b, "weekKey", "builder.weekKey", "weekKey: iso", "iso");
    WeekKeyStyle style =
        switch (weekKey) {
          case "iso" -> WeekKeyStyle.ISO;
          case "calendar-year" -> WeekKeyStyle.CALENDAR_YEAR;
          default ->
              throw y.error(
                  y.child(b, "weekKey").orElse(b),
                  "builder.weekKey",
                  "unknown value \"" + weekKey + "\"",
                  "iso or calendar-year");
        };
    LegProfile legs =
        new LegProfile(
            naming,
            aptMirrors(y, b),
            style,
            y.string(
                b, "defaultAmdgpuTargets", "builder.defaultAmdgpuTargets", "gfx908,gfx90a", ""),
            new CcacheMounts(
                new HashSet<>(
                    y.strings(
                        b,
                        "ccacheBackends",
                        "builder.ccacheBackends",
                        "ccacheBackends: [llama-cpp]",
                        false))),
            y.string(
                b, "webBaseUrl", "builder.webBaseUrl", "https://github.com", "https://github.com"));
    Optional<MappingNode> bases =
        y.optionalMapping(b, "bases", "builder.bases", "bases: {dockerfile: ..., variants: [...]}");
    List<BaseVariant> variants = new ArrayList<>();
    String dockerfile = "";
    String context = "./";
    if (bases.isPresent()) {
      Node n = bases.get();
      dockerfile =
          y.string(
              n, "dockerfile", "builder.bases.dockerfile", "backend/Dockerfile.base-grpc-builder");
      context = y.string(n, "context", "builder.bases.context", "./", "./");
      for (Node v : y.nodes(n, "variants", "builder.bases.variants", "variants: [{tag: ...}]")) {
        variants.add(variant(y, v));
      }
    }
    return new BuilderProfile(name, legs, variants, dockerfile, context, rootImage(y, b, naming));
  }

  private static Optional<RootImageProfile> rootImage(YamlNodes y, Node builder, ImageNaming naming)
      throws ConfigException {
    Optional<MappingNode> root =
        y.optionalMapping(builder, "rootImage", "builder.rootImage", "rootImage: {pipeline: ...}");
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Node r = root.get();
    String p = "builder.rootImage";
    Map<String, String> defaults = new LinkedHashMap<>();
    Optional<MappingNode> d =
        y.optionalMapping(r, "inputDefaults", p + ".inputDefaults", "inputDefaults: {k: v}");
    if (d.isPresent()) {
      for (NodeTuple t : d.get().getValue()) {
        String key = y.key(t, p + ".inputDefaults", "cuda-minor-version: \"9\"");
        defaults.put(key, y.string(d.get(), key, p + ".inputDefaults." + key, key + ": \"9\""));
      }
    }
    return Optional.of(
        new RootImageProfile(
            y.string(r, "pipeline", p + ".pipeline", "pipeline: root-image", "root-image"),
            new ImageNaming(
                naming.cacheRepo(),
                y
                    .strings(r, "publish", p + ".publish", "publish: [quay.io/a/local-ai]", true)
                    .stream()
                    .map(ImageRef::parse)
                    .toList(),
                naming.prRepo()),
            y.string(r, "imageName", p + ".imageName", "imageName: localai"),
            TagSuffix.of(
                y.string(
                    r,
                    "emptySuffixPlaceholder",
                    p + ".emptySuffixPlaceholder",
                    "emptySuffixPlaceholder: -core")),
            y.string(r, "dockerfile", p + ".dockerfile", "dockerfile: ./Dockerfile"),
            y.string(r, "context", p + ".context", "context: ."),
            defaults));
  }

  private static AptMirrorPolicy aptMirrors(YamlNodes y, Node builder) throws ConfigException {
    Optional<MappingNode> apt =
        y.optionalMapping(builder, "aptMirrors", "builder.aptMirrors", "aptMirrors: {...}");
    if (apt.isEmpty()) {
      return new AptMirrorPolicy(java.util.Set.of(), new AptMirror("", ""), new AptMirror("", ""));
    }
    List<RunnerClass> hosted = new ArrayList<>();
    for (String r :
        y.strings(
            apt.get(),
            "hostedRunners",
            "builder.aptMirrors.hostedRunners",
            "hostedRunners: [ubuntu-latest]",
            false)) {
      hosted.add(RunnerClass.of(r));
    }
    return new AptMirrorPolicy(
        new HashSet<>(hosted), mirror(y, apt.get(), "hosted"), mirror(y, apt.get(), "selfHosted"));
  }

  private static AptMirror mirror(YamlNodes y, Node apt, String key) throws ConfigException {
    String path = "builder.aptMirrors." + key;
    Optional<MappingNode> m =
        y.optionalMapping(apt, key, path, key + ": {mirror: ..., portsMirror: ...}");
    if (m.isEmpty()) {
      return new AptMirror("", "");
    }
    return new AptMirror(
        y.string(m.get(), "mirror", path + ".mirror", "mirror: http://...", ""),
        y.string(m.get(), "portsMirror", path + ".portsMirror", "portsMirror: http://...", ""));
  }

  private static BaseVariant variant(YamlNodes y, Node v) throws ConfigException {
    String p = "builder.bases.variants[]";
    String tag = y.string(v, "tag", p + ".tag", "tag: base-grpc-amd64");
    return new BaseVariant(
        tag,
        RunnerClass.of(y.string(v, "runsOn", p + ".runsOn", "runsOn: ubuntu-latest")),
        y.string(v, "baseImage", p + ".baseImage", "baseImage: \"ubuntu:24.04\""),
        y.string(v, "buildType", p + ".buildType", "buildType: cublas", ""),
        y.string(v, "cudaMajor", p + ".cudaMajor", "cudaMajor: \"12\"", ""),
        y.string(v, "cudaMinor", p + ".cudaMinor", "cudaMinor: \"8\"", ""),
        y.string(v, "ubuntuVersion", p + ".ubuntuVersion", "ubuntuVersion: \"2404\"", ""),
        y.string(v, "skipDrivers", p + ".skipDrivers", "skipDrivers: \"true\"", "false"));
  }
}
