package dev.strata.builder.boot;

import dev.strata.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a composed SnakeYAML tree with positions, so every error names the file, the line and the
 * key, and says what to write instead.
 */
final class YamlNodes {
  private final Path file;

  YamlNodes(Path file) {
    this.file = file;
  }

  ConfigException error(Node at, String key, String problem, String instead) {
    int line = at == null ? 1 : at.getStartMark().getLine() + 1;
    return new ConfigException(
        file + ":" + line + ": " + key + ": " + problem + "; write " + instead);
  }

  Optional<Node> child(Node mapping, String key) {
    if (!(mapping instanceof MappingNode m)) {
      return Optional.empty();
    }
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(t.getValueNode());
      }
    }
    return Optional.empty();
  }

  /** The key of a mapping entry, which must be a plain scalar. */
  String key(NodeTuple t, String path, String example) throws ConfigException {
    if (!(t.getKeyNode() instanceof ScalarNode k)) {
      throw error(t.getKeyNode(), path, "keys must be plain names", example);
    }
    return k.getValue();
  }

  MappingNode mapping(Node parent, String key, String path, String example) throws ConfigException {
    Node n = child(parent, key).orElse(null);
    if (n == null) {
      throw error(parent, path, "is missing", example);
    }
    if (!(n instanceof MappingNode m)) {
      throw error(n, path, "must be a mapping", example);
    }
    return m;
  }

  Optional<MappingNode> optionalMapping(Node parent, String key, String path, String example)
      throws ConfigException {
    if (child(parent, key).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(mapping(parent, key, path, example));
  }

  String string(Node parent, String key, String path, String example) throws ConfigException {
    Node n = child(parent, key).orElse(null);
    if (n == null) {
      throw error(parent, path, "is missing", example);
    }
    return scalar(n, path, example);
  }

  String string(Node parent, String key, String path, String example, String dflt)
      throws ConfigException {
    Node n = child(parent, key).orElse(null);
    return n == null ? dflt : scalar(n, path, example);
  }

  List<String> strings(Node parent, String key, String path, String example, boolean required)
      throws ConfigException {
    Node n = child(parent, key).orElse(null);
    if (n == null) {
      if (required) {
        throw error(parent, path, "is missing", example);
      }
      return List.of();
    }
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, path, "must be a list", example);
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      out.add(scalar(item, path, example));
    }
    return out;
  }

  List<Node> nodes(Node parent, String key, String path, String example) throws ConfigException {
    Node n = child(parent, key).orElse(null);
    if (n == null) {
      return List.of();
    }
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, path, "must be a list", example);
    }
    return seq.getValue();
  }

  private String scalar(Node n, String path, String example) throws ConfigException {
    if (!(n instanceof ScalarNode s)) {
      throw error(n, path, "must be a single value", example);
    }
    String v = s.getValue();
    return v.equals("~") || v.equals("null") ? "" : v;
  }
}
