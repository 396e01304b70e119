package dev.strata.matrix.adapter.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.strata.matrix.core.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads a profile file. A malformed profile is rejected with {@code file:line:column}, what is
 * wrong and what to write instead: unknown keys, wrong types, missing keys, unknown selectors.
 */
public final class YamlProfileLoader {

  private final ObjectMapper mapper;

  public YamlProfileLoader() {
    YAMLFactory yaml = YAMLFactory.builder().build();
    yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper = new ObjectMapper(yaml);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Boolean, LogicalType.Float)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws ProfileException naming file, line and what is expected
   */
  public Profile load(Path file) throws ProfileException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ProfileException(
          "Tried to load profile " + file + " but failed because: cannot read it (" + e + ")", e);
    }
    return parse(text, file.toString());
  }

  /** Validates profile {@code text}; {@code name} is used in error messages. */
  public Profile parse(String text, String name) throws ProfileException {
    ProfileDocument doc;
    try {
      doc = mapper.readValue(text, ProfileDocument.class);
    } catch (JsonProcessingException e) {
      throw new ProfileException(fail(name, describe(name, text, e)), e);
    }
    if (doc == null) {
      throw new ProfileException(
          fail(name, name + ":1:1: the file is empty; expected a profile mapping"), null);
    }
    try {
      return ProfileMapper.toProfile(doc);
    } catch (ProfileMapper.LocatedError e) {
      throw new ProfileException(
          fail(name, name + ":" + e.line + ":" + e.column + ": " + e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new ProfileException(fail(name, name + ": " + e.getMessage()), e);
    }
  }

  private static String fail(String name, String reason) {
    return "Tried to load profile " + name + " but failed because: " + reason;
  }

  private static String describe(String name, String text, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    int line = at == null ? -1 : at.getLineNr();
    int column = at == null ? -1 : at.getColumnNr();
    if (e instanceof UnrecognizedPropertyException u && line > 0) {
      // the parser has moved past the value by now: find the key itself, at or above that line
      String[] lines = text.split("\n", -1);
      Pattern key =
          Pattern.compile("^(\\s*(?:- )?)" + Pattern.quote(u.getPropertyName()) + "\\s*:");
      for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
        Matcher m = key.matcher(lines[i]);
        if (m.find()) {
          line = i + 1;
          column = m.group(1).length() + 1;
          break;
        }
      }
    }
    String where = name + (line < 0 ? ": " : ":" + line + ":" + column + ": ");
    String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
    String reason;
    if (e instanceof UnrecognizedPropertyException u) {
      reason =
          "unknown key '"
              + u.getPropertyName()
              + "'"
              + parentOf(path)
              + "; expected one of: "
              + known(u.getKnownPropertyIds());
    } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      reason = v.getCause().getMessage() + (path.isEmpty() ? "" : " (at " + path + ")");
    } else if (e instanceof InvalidNullException n) {
      reason =
          "'" + path + "' has no value; write " + expected(n.getTargetType()) + " after the colon";
    } else if (e instanceof MismatchedInputException m) {
      String message = m.getOriginalMessage();
      if (message.equals(LocatedText.EMPTY)) {
        reason = "'" + path + "' has no value; write a string after the colon";
      } else if (message.startsWith("Missing required creator property")) {
        String key = message.replaceAll(".*'([^']*)'.*", "$1");
        String parent =
            path.equals(key) || path.endsWith("." + key)
                ? path.substring(0, Math.max(0, path.length() - key.length() - 1))
                : path;
        reason =
            "missing key '"
                + key
                + "'"
                + (parent.isEmpty() ? " at the top level" : " under " + parent);
      } else if (emptyValue(m)) {
        reason =
            "'"
                + path
                + "' has no value; write "
                + expected(m.getTargetType())
                + " after the colon";
      } else {
        reason =
            "wrong type at "
                + (path.isEmpty() ? "the top level" : path)
                + "; expected "
                + expected(m.getTargetType());
      }
    } else {
      reason = e.getOriginalMessage();
    }
    return where + reason;
  }

  /** YAML's `key:` with nothing after it reaches Jackson as an empty string. */
  private static boolean emptyValue(MismatchedInputException m) {
    try {
      return m.getProcessor() instanceof JsonParser p
          && p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
          && p.getText().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static String parentOf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? " at the top level" : " under " + path.substring(0, dot);
  }

  private static String known(Collection<Object> ids) {
    return ids == null
        ? "?"
        : new TreeSet<>(ids.stream().map(String::valueOf).toList())
            .stream().collect(Collectors.joining(", "));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (type == Integer.class || type == int.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type == LocatedText.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping";
    }
    return type.getSimpleName();
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
