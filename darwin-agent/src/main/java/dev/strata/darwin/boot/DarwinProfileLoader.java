package dev.strata.darwin.boot;

import dev.strata.darwin.core.DarwinProfile;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the Darwin agent's part of a profile file (DOMAIN.md 8): {@code darwin.bespokeBuilders}
 * (shared with the change filter, which owns the rest of {@code darwin}) and {@code darwinAgent};
 * other keys belong to other parts of Strata and are left alone. Commands are written as one string
 * each and split on spaces; directories start with {@code ~/}. See {@code profiles/localai.yml} for
 * the whole shape:
 *
 * <pre>
 * darwin:
 *   bespokeBuilders: [llama-cpp, ds4]
 * darwinAgent:
 *   routes: {llama-cpp: [make protogen-go, make backends/llama-cpp-darwin], ds4: [...]}
 *   generic: {prelude: [make protogen-go], target: build-darwin-{lang}-backend}
 *   usePip: [diffusers]
 *   brew: {install: [protobuf, grpc], reinstall: [grpc]}
 *   caches:
 *     go: {paths: [~/go/pkg/mod], keyFile: go.sum, gateOnPullRequests: true}
 *     homebrew: {paths: [~/Library/Caches/Homebrew/downloads], cellar: [protobuf], keyFile: ...}
 *     ccache: {paths: [~/Library/Caches/ccache], backend: llama-cpp, name: llama, ...}
 *     wheels: {paths: [~/Library/Caches/pip], requirementsDir: backend/python/{backend}, weekKey: iso}
 *   image: {tarball: backend-images/{backend}.tar, platform: darwin/arm64}
 * </pre>
 */
public final class DarwinProfileLoader {
  private static final String AGENT = "darwinAgent";

  private DarwinProfileLoader() {}

  /**
   * Loads {@code file}; every problem is a {@link ConfigException} naming the file and line.
   *
   * @param publish where non-PR builds are published (from the command line), in tag order
   */
  public static DarwinProfile load(Path file, List<ImageRef> publish) throws ConfigException {
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
    ProfileNodes y = new ProfileNodes(file);
    if (!(root instanceof MappingNode)) {
      throw y.error(root, "profile", "must be a mapping", "\"darwin: {...}\" at the top");
    }
    MappingNode darwin = y.mapping(root, "darwin", "darwin", "darwin: {bespokeBuilders: [...]}");
    MappingNode agent =
        y.mapping(root, "darwinAgent", AGENT, "darwinAgent: {routes: {...}, caches: {...}}");
    y.onlyKeys(agent, AGENT, Set.of("routes", "generic", "usePip", "brew", "caches", "image"));
    try {
      return read(y, darwin, agent, publish);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          file + ":" + (agent.getStartMark().getLine() + 1) + ": " + e.getMessage(), e);
    }
  }

  private static DarwinProfile read(
      ProfileNodes y, MappingNode darwin, MappingNode agent, List<ImageRef> publish)
      throws ConfigException {
    Map<String, List<List<String>>> routes = routes(y, darwin, agent);
    MappingNode generic =
        y.mapping(agent, "generic", AGENT + ".generic", "generic: {prelude: [...], target: ...}");
    y.onlyKeys(generic, AGENT + ".generic", Set.of("prelude", "target"));
    MappingNode brew = y.mapping(agent, "brew", AGENT + ".brew", "brew: {install: [...]}");
    y.onlyKeys(brew, AGENT + ".brew", Set.of("install", "reinstall"));
    MappingNode caches = y.mapping(agent, "caches", AGENT + ".caches", "caches: {go: {...}, ...}");
    y.onlyKeys(caches, AGENT + ".caches", Set.of("go", "homebrew", "ccache", "wheels"));
    Map<Cache, MappingNode> cache = new EnumMap<>(Cache.class);
    Map<Cache, List<String>> paths = new EnumMap<>(Cache.class);
    for (Cache c : Cache.values()) {
      String name = c.name().toLowerCase(java.util.Locale.ROOT);
      String at = AGENT + ".caches." + name;
      MappingNode n = y.mapping(caches, name, at, name + ": {paths: [~/...], ...}");
      y.onlyKeys(n, at, cacheKeys(c));
      cache.put(c, n);
      paths.put(c, homePaths(y, n, at));
      if (paths.get(c).isEmpty() && c != Cache.HOMEBREW) {
        throw y.error(n, at + ".paths", "is missing", "paths: [~/<directory the cache holds>]");
      }
    }
    MappingNode go = cache.get(Cache.GO);
    MappingNode brewCache = cache.get(Cache.HOMEBREW);
    MappingNode ccache = cache.get(Cache.CCACHE);
    MappingNode wheels = cache.get(Cache.WHEELS);
    String c = AGENT + ".caches.";
    if (y.child(ccache, "backend").isPresent() && y.child(ccache, "name").isEmpty()) {
      throw y.error(
          ccache,
          c + "ccache.name",
          "is missing (the ccache key is ccache-<name>-<arch>-<version>-<run>)",
          "name: llama");
    }
    if (y.child(ccache, "backend").isPresent() && y.child(ccache, "versionMakefile").isEmpty()) {
      throw y.error(
          ccache,
          c + "ccache.versionMakefile",
          "is missing (the ccache key carries LLAMA_VERSION from it)",
          "versionMakefile: backend/cpp/llama-cpp/Makefile");
    }
    MappingNode image = y.mapping(agent, "image", AGENT + ".image", "image: {tarball: ...}");
    y.onlyKeys(image, AGENT + ".image", Set.of("tarball", "platform", "packageDir"));
    return new DarwinProfile(
        routes,
        commands(y, generic, "prelude", AGENT + ".generic.prelude", false),
        y.string(
            generic, "target", AGENT + ".generic.target", "target: build-darwin-{lang}-backend"),
        y.strings(brew, "install", AGENT + ".brew.install", "install: [protobuf, grpc]", true),
        y.strings(brew, "reinstall", AGENT + ".brew.reinstall", "reinstall: [grpc]", false),
        y.strings(brewCache, "cellar", c + "homebrew.cellar", "cellar: [protobuf]", false),
        paths,
        y.string(brewCache, "keyFile", c + "homebrew.keyFile", "keyFile: .github/workflows/x.yml"),
        y.string(go, "keyFile", c + "go.keyFile", "keyFile: go.sum"),
        y.string(
            wheels,
            "requirementsDir",
            c + "wheels.requirementsDir",
            "requirementsDir: backend/python/{backend}"),
        y.string(ccache, "backend", c + "ccache.backend", "backend: llama-cpp", null),
        y.string(ccache, "name", c + "ccache.name", "name: llama", ""),
        y.string(
            ccache,
            "versionMakefile",
            c + "ccache.versionMakefile",
            "versionMakefile: backend/cpp/llama-cpp/Makefile",
            ""),
        y.string(ccache, "maxSize", c + "ccache.maxSize", "maxSize: 2G", "2G"),
        new HashSet<>(y.strings(agent, "usePip", AGENT + ".usePip", "usePip: [diffusers]", false)),
        y.bool(go, "gateOnPullRequests", c + "go.gateOnPullRequests", true),
        weekKey(y, wheels),
        y.string(image, "tarball", AGENT + ".image.tarball", "tarball: images/{backend}.tar"),
        y.string(
            image, "packageDir", AGENT + ".image.packageDir", "packageDir: build/{backend}", null),
        publish,
        y.string(image, "platform", AGENT + ".image.platform", "platform: darwin/arm64"));
  }

  private static Set<String> cacheKeys(Cache c) {
    return switch (c) {
      case GO -> Set.of("paths", "keyFile", "gateOnPullRequests");
      case HOMEBREW -> Set.of("paths", "cellar", "keyFile");
      case CCACHE -> Set.of("paths", "backend", "name", "versionMakefile", "maxSize");
      case WHEELS -> Set.of("paths", "requirementsDir", "weekKey");
    };
  }

  /** The routes; their backends must be exactly {@code darwin.bespokeBuilders} (DOMAIN.md 8.4). */
  private static Map<String, List<List<String>>> routes(
      ProfileNodes y, MappingNode darwin, MappingNode agent) throws ConfigException {
    List<String> bespoke =
        y.strings(
            darwin, "bespokeBuilders", "darwin.bespokeBuilders", "bespokeBuilders: [ds4]", true);
    MappingNode routes =
        y.mapping(agent, "routes", AGENT + ".routes", "routes: {ds4: [make backends/ds4-darwin]}");
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    for (Map.Entry<ScalarNode, Node> e : y.entries(routes).entrySet()) {
      String backend = e.getKey().getValue();
      String at = AGENT + ".routes." + backend;
      if (!bespoke.contains(backend)) {
        throw y.error(
            e.getKey(),
            at,
            "is not in darwin.bespokeBuilders " + bespoke,
            "a route for each bespoke builder and no other, or add " + backend + " there");
      }
      List<List<String>> commands = new ArrayList<>();
      for (Node cmd : y.sequence(e.getValue(), at, backend + ": [make backends/x-darwin]")) {
        commands.add(command(y, cmd, at));
      }
      if (commands.isEmpty()) {
        throw y.error(e.getValue(), at, "has no command", backend + ": [make backends/x-darwin]");
      }
      out.put(backend, commands);
    }
    Set<String> missing = new TreeSet<>(bespoke);
    missing.removeAll(out.keySet());
    if (!missing.isEmpty()) {
      throw y.error(
          routes,
          AGENT + ".routes",
          "has no route for the bespoke builders " + missing,
          "one entry per backend of darwin.bespokeBuilders, e.g. "
              + missing.iterator().next()
              + ": [make backends/"
              + missing.iterator().next()
              + "-darwin]");
    }
    return out;
  }

  private static List<List<String>> commands(
      ProfileNodes y, Node parent, String key, String path, boolean required)
      throws ConfigException {
    List<List<String>> out = new ArrayList<>();
    Node n = y.child(parent, key).orElse(null);
    if (n == null) {
      if (required) {
        throw y.error(parent, path, "is missing", key + ": [make protogen-go]");
      }
      return out;
    }
    for (Node cmd : y.sequence(n, path, key + ": [make protogen-go]")) {
      out.add(command(y, cmd, path));
    }
    return out;
  }

  private static List<String> command(ProfileNodes y, Node n, String path) throws ConfigException {
    String line = y.scalar(n, path, "make protogen-go");
    if (line.contains("\"") || line.contains("'")) {
      throw y.error(
          n,
          path,
          "command \"" + line + "\" has quotes, but commands are split on spaces",
          "each argument without quotes and without spaces");
    }
    return List.of(line.trim().split("\\s+"));
  }

  private static List<String> homePaths(ProfileNodes y, MappingNode cache, String at)
      throws ConfigException {
    List<String> out = new ArrayList<>();
    Node list = y.child(cache, "paths").orElse(null);
    if (list == null) {
      return out;
    }
    for (Node n : y.sequence(list, at + ".paths", "paths: [~/Library/Caches/pip]")) {
      String p = y.scalar(n, at + ".paths", "~/Library/Caches/pip");
      if (!p.startsWith("~/") || p.length() == 2 || p.contains("..")) {
        throw y.error(
            n,
            at + ".paths",
            "\"" + p + "\" is not a directory under the home directory",
            "~/<path>, e.g. ~/Library/Caches/pip");
      }
      out.add(p.substring(2));
    }
    return out;
  }

  private static WeekKeyStyle weekKey(ProfileNodes y, MappingNode wheels) throws ConfigException {
    String at = AGENT + ".caches.wheels.weekKey";
    String v = y.string(wheels, "weekKey", at, "weekKey: iso", "iso");
    return switch (v) {
      case "iso" -> WeekKeyStyle.ISO;
      case "calendar-year" -> WeekKeyStyle.CALENDAR_YEAR;
      default ->
          throw y.error(
              y.child(wheels, "weekKey").orElse(wheels),
              at,
              "unknown value \"" + v + "\"",
              "iso (ISO week-based year) or calendar-year (LocalAI's date -u +%Y-W%V)");
    };
  }
}
