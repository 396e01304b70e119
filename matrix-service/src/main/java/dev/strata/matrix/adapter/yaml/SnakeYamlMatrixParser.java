package dev.strata.matrix.adapter.yaml;

import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Matrix;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.matrix.port.MatrixParseException;
import dev.strata.matrix.port.MatrixParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses a matrix file with SnakeYAML's composer (syntax, anchors, positions) and resolves scalars
 * itself with {@link JsYamlScalars}, so every value keeps the type LocalAI's js-yaml reader gives
 * it: quoted {@code "12"} stays a string, bare {@code 12} is a number, {@code yes} is a string.
 * Mappings keep their key order; duplicate keys, like in js-yaml, are an error; {@code <<} merge
 * keys are applied. Errors carry {@code file:line:column}.
 */
public final class SnakeYamlMatrixParser implements MatrixParser {

  /** Tag given to plain scalars without an explicit tag; resolved by {@link JsYamlScalars}. */
  private static final Tag PLAIN = new Tag("tag:strata.dev,2026:plain");

  private static final String CORE_PREFIX = "tag:yaml.org,2002:";

  private static final Resolver RESOLVER =
      new Resolver() {
        @Override
        public Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
          if (kind == org.yaml.snakeyaml.nodes.NodeId.scalar && implicit) {
            return PLAIN;
          }
          return super.resolve(kind, value, false);
        }
      };

  private final String linuxKey;
  private final String darwinKey;

  /** A parser for LocalAI's layout: {@code include} (Linux) and {@code includeDarwin}. */
  public SnakeYamlMatrixParser() {
    this("include", "includeDarwin");
  }

  public SnakeYamlMatrixParser(String linuxKey, String darwinKey) {
    this.linuxKey = linuxKey;
    this.darwinKey = darwinKey;
  }

  @Override
  public Matrix parse(String text, String source) throws MatrixParseException {
    Matrix fast = fastPath(text);
    return fast != null ? fast : fullParse(text, source);
  }

  /** The matrix via {@link BlockSubsetReader}, or null when the text needs the full parser. */
  private Matrix fastPath(String text) {
    Map<String, List<Map<String, Scalar>>> lists = BlockSubsetReader.read(text);
    if (lists == null
        || lists.containsKey(linuxKey) && lists.get(linuxKey) == null
        || lists.containsKey(darwinKey) && lists.get(darwinKey) == null) {
      return null;
    }
    List<LinuxEntry> linux = new ArrayList<>();
    lists.getOrDefault(linuxKey, List.of()).forEach(f -> linux.add(new LinuxEntry(f)));
    List<DarwinEntry> darwin = new ArrayList<>();
    lists.getOrDefault(darwinKey, List.of()).forEach(f -> darwin.add(new DarwinEntry(f)));
    return new Matrix(linux, darwin);
  }

  /**
   * Parses with SnakeYAML's composer only, bypassing the fast reader; {@link #parse} falls back to
   * it and it is the path that reports errors. Public for equivalence checks and benchmarks.
   */
  public Matrix fullParse(String text, String source) throws MatrixParseException {
    Node root;
    try {
      root = compose(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw fail(source, mark, e.getProblem() == null ? e.getMessage() : e.getProblem(), e);
    } catch (YAMLException e) {
      throw fail(source, null, e.getMessage(), e);
    }
    if (root == null) {
      throw fail(
          source,
          null,
          "the file has no YAML document; expected a mapping with '" + linuxKey + "'",
          null);
    }
    try {
      Map<String, Node> top = mapping(root, source, "the top level");
      List<LinuxEntry> linux = new ArrayList<>();
      for (Map<String, Scalar> fields : entries(top.get(linuxKey), linuxKey, source)) {
        linux.add(new LinuxEntry(fields));
      }
      List<DarwinEntry> darwin = new ArrayList<>();
      for (Map<String, Scalar> fields : entries(top.get(darwinKey), darwinKey, source)) {
        darwin.add(new DarwinEntry(fields));
      }
      return new Matrix(linux, darwin);
    } catch (ShapeError e) {
      throw fail(source, e.mark, e.getMessage(), e);
    }
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setMaxAliasesForCollections(10_000);
    options.setProcessComments(false);
    options.setAllowRecursiveKeys(false);
    ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
    return new Composer(parser, RESOLVER, options).getSingleNode();
  }

  private List<Map<String, Scalar>> entries(Node list, String key, String source)
      throws ShapeError {
    List<Map<String, Scalar>> out = new ArrayList<>();
    if (list == null || isNullScalar(list)) {
      return out;
    }
    if (!(list instanceof SequenceNode seq)) {
      throw new ShapeError(list.getStartMark(), "'" + key + "' must be a list of entries");
    }
    for (Node item : seq.getValue()) {
      Map<String, Node> fields = mapping(item, source, "an entry of '" + key + "'");
      Map<String, Scalar> values = new LinkedHashMap<>();
      for (Map.Entry<String, Node> f : fields.entrySet()) {
        values.put(f.getKey(), value(f.getValue(), source));
      }
      out.add(values);
    }
    return out;
  }

  private static boolean isNullScalar(Node node) {
    return node instanceof ScalarNode s
        && s.getTag() == PLAIN
        && JsYamlScalars.isNull(s.getValue());
  }

  /** A mapping's keys (as JavaScript strings) and value nodes, merges applied, in order. */
  private Map<String, Node> mapping(Node node, String source, String what) throws ShapeError {
    if (!(node instanceof MappingNode map)) {
      throw new ShapeError(node.getStartMark(), what + " must be a mapping (key: value lines)");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    Map<String, Boolean> overridable = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Node valueNode = tuple.getValueNode();
      if (isMergeKey(keyNode)) {
        List<Node> sources =
            valueNode instanceof SequenceNode seq ? seq.getValue() : List.of(valueNode);
        for (Node from : sources) {
          if (!(from instanceof MappingNode)) {
            throw new ShapeError(
                from.getStartMark(), "a '<<' merge needs a mapping or a list of mappings");
          }
          for (Map.Entry<String, Node> e : mapping(from, source, "a merged mapping").entrySet()) {
            if (!out.containsKey(e.getKey())) {
              out.put(e.getKey(), e.getValue());
              overridable.put(e.getKey(), true);
            }
          }
        }
        continue;
      }
      String key = keyText(keyNode);
      if (out.containsKey(key) && overridable.remove(key) == null) {
        throw new ShapeError(keyNode.getStartMark(), "duplicated mapping key '" + key + "'");
      }
      out.put(key, valueNode);
    }
    return out;
  }

  private static boolean isMergeKey(Node key) {
    return key instanceof ScalarNode s
        && (s.getTag() == PLAIN && s.getValue().equals("<<")
            || s.getTag().getValue().equals(CORE_PREFIX + "merge"));
  }

  /** The key as JavaScript's {@code String(key)} would show it. */
  private String keyText(Node key) throws ShapeError {
    Scalar value = value(key, "");
    return value.kind() == Scalar.Kind.NULL ? "null" : value.text();
  }

  /** A field value: a typed scalar, or a nested list or map as compact JSON. */
  private Scalar value(Node node, String source) throws ShapeError {
    if (node instanceof ScalarNode s) {
      Tag tag = s.getTag();
      if (tag == PLAIN) {
        return JsYamlScalars.plain(s.getValue());
      }
      String name = tag.getValue();
      Scalar resolved =
          name.startsWith(CORE_PREFIX)
              ? JsYamlScalars.tagged(name.substring(CORE_PREFIX.length()), s.getValue())
              : null;
      if (resolved == null) {
        throw new ShapeError(
            s.getStartMark(),
            "cannot resolve the value " + Scalar.jsonString(s.getValue()) + " with tag " + name);
      }
      return resolved;
    }
    StringBuilder json = new StringBuilder();
    appendJson(node, source, json);
    return new Scalar(Scalar.Kind.JSON, json.toString());
  }

  private void appendJson(Node node, String source, StringBuilder json) throws ShapeError {
    if (node instanceof SequenceNode seq) {
      json.append('[');
      boolean first = true;
      for (Node item : seq.getValue()) {
        json.append(first ? "" : ",");
        first = false;
        appendJson(item, source, json);
      }
      json.append(']');
    } else if (node instanceof MappingNode) {
      json.append('{');
      boolean first = true;
      for (Map.Entry<String, Node> e : mapping(node, source, "a nested value").entrySet()) {
        json.append(first ? "" : ",").append(Scalar.jsonString(e.getKey())).append(':');
        first = false;
        appendJson(e.getValue(), source, json);
      }
      json.append('}');
    } else {
      json.append(value(node, source).toJson());
    }
  }

  private static MatrixParseException fail(
      String source, Mark mark, String problem, Throwable cause) {
    String where =
        mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    return new MatrixParseException(
        "Tried to parse matrix " + source + " but failed because: " + where + ": " + problem,
        cause);
  }

  /** A shape error at a position. */
  private static final class ShapeError extends Exception {
    final transient Mark mark;

    ShapeError(Mark mark, String message) {
      super(message);
      this.mark = mark;
    }
  }
}
