package dev.strata.darwin.boot;

import dev.strata.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a composed YAML tree with positions: every error is {@code file:line: key: problem; write
 * ...}, so a malformed profile points at the line to fix and says what to write instead.
 */
final class ProfileNodes {
  private final Path file;

  ProfileNodes(Path file) {
    this.file = file;
  }

  ConfigException error(Node at, String key, String problem, String instead) {
    int line = at == null ? 1 : at.getStartMark().getLine() + 1;
    return new ConfigException(
        file + ":" + line + ": " + key + ": " + problem + "; write " + instead);
  }

  Optional<Node> child(Node mapping, String key) {
    if (mapping instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(t.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  /** The mapping under {@code key}; {@code path} names it in errors. */
  MappingNode mapping(Node parent, String key, String path, String example) throws ConfigException {
    Node n = child(parent, key).orElseThrow(() -> error(parent, path, "is missing", example));
    if (!(n instanceof MappingNode m)) {
      throw error(n, path, "must be a mapping", example);
    }
    return m;
  }

  /** Refuses keys of {@code mapping} outside {@code known}. */
  void onlyKeys(MappingNode mapping, String path, Set<String> known) throws ConfigException {
    for (NodeTuple t : mapping.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
      if (!known.contains(key)) {
        throw error(
            t.getKeyNode(),
            path + "." + key,
            "unknown key",
            "one of " + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  String string(Node parent, String key, String path, String example) throws ConfigException {
    Node n = child(parent, key).orElseThrow(() -> error(parent, path, "is missing", example));
    return scalar(n, path, example);
  }

  /** The string under {@code key}, or {@code dflt} when the key is absent. */
  String string(Node parent, String key, String path, String example, String dflt)
      throws ConfigException {
    Optional<Node> n = child(parent, key);
    return n.isEmpty() ? dflt : scalar(n.get(), path, example);
  }

  boolean bool(Node parent, String key, String path, boolean dflt) throws ConfigException {
    Optional<Node> n = child(parent, key);
    if (n.isEmpty()) {
      return dflt;
    }
    String v = scalar(n.get(), path, key + ": true");
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(n.get(), path, "\"" + v + "\" is not a boolean", "true or false");
    };
  }

  List<String> strings(Node parent, String key, String path, String example, boolean required)
      throws ConfigException {
    Optional<Node> n = child(parent, key);
    if (n.isEmpty()) {
      if (required) {
        throw error(parent, path, "is missing", example);
      }
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : sequence(n.get(), path, example)) {
      out.add(scalar(item, path, example));
    }
    return out;
  }

  /** The entries of the mapping under {@code key} with their key nodes, in file order. */
  Map<ScalarNode, Node> entries(MappingNode mapping) {
    Map<ScalarNode, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        out.put(k, t.getValueNode());
      }
    }
    return out;
  }

  List<Node> sequence(Node n, String path, String example) throws ConfigException {
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, path, "must be a list", example);
    }
    return seq.getValue();
  }

  String scalar(Node n, String path, String example) throws ConfigException {
    if (!(n instanceof ScalarNode s)) {
      throw error(n, path, "must be a single value", example);
    }
    String v = s.getValue();
    if (v.isEmpty() || v.equals("~") || v.equals("null")) {
      throw error(n, path, "has no value", example);
    }
    return v;
  }
}
