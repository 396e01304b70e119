package dev.strata.matrix.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.matrix.core.plan.PlanRequest;
import dev.strata.matrix.port.ChangedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses batch request lines: {@code {"id", "eventName", "event", "env", "changedFiles",
 * "changedFilesError", "matrixFile", "previousMatrixFile", "protoFile", "previousProtoFile",
 * "repo"}}. Relative paths resolve against {@code baseDir} (the request file's folder).
 */
public final class BatchRequestReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path baseDir;

  public BatchRequestReader(Path baseDir) {
    this.baseDir = baseDir;
  }

  /**
   * Parses one line.
   *
   * @param where {@code file:line}, for messages
   * @throws BadRequestException naming the field that is wrong and what is expected
   */
  public BatchRequest parse(String line, String where) throws BadRequestException {
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          null, where + ": the line is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException(null, where + ": expected a JSON object per line");
    }
    JsonNode idNode = root.get("id");
    String id = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
    if (id == null) {
      throw new BadRequestException(null, where + ": field 'id' must be a string");
    }
    String eventName = optionalString(root, "eventName", id, where);
    JsonNode event = root.get("event");
    if (event == null || !event.isObject()) {
      throw bad(id, where, "event", "a JSON object (the GitHub event payload)");
    }
    Map<String, String> env = env(root.get("env"), id, where);
    Path repo = path(root, "repo", id, where, false);
    ChangedFiles changed = changed(root, id, where);
    Path matrix = path(root, "matrixFile", id, where, repo == null || changed != null);
    return new BatchRequest(
        id,
        eventName,
        new PlanRequest(EventPayloads.from(event), env),
        changed,
        matrix,
        path(root, "previousMatrixFile", id, where, false),
        path(root, "protoFile", id, where, false),
        path(root, "previousProtoFile", id, where, false),
        repo);
  }

  private static ChangedFiles changed(JsonNode root, String id, String where)
      throws BadRequestException {
    String error = optionalString(root, "changedFilesError", id, where);
    if (error != null) {
      return new ChangedFiles.Unavailable(error);
    }
    JsonNode list = root.get("changedFiles");
    if (list == null) {
      return null;
    }
    if (list.isNull()) {
      return new ChangedFiles.Unavailable("the request's changedFiles is null");
    }
    if (!list.isArray()) {
      throw bad(id, where, "changedFiles", "a list of paths or null");
    }
    List<String> files = new ArrayList<>(list.size());
    for (JsonNode f : list) {
      if (!f.isTextual()) {
        throw bad(id, where, "changedFiles", "a list of path strings, got " + f);
      }
      files.add(f.textValue());
    }
    return new ChangedFiles.Listed(files, true);
  }

  private static Map<String, String> env(JsonNode env, String id, String where)
      throws BadRequestException {
    Map<String, String> out = new LinkedHashMap<>();
    if (env == null || env.isNull()) {
      return out;
    }
    if (!env.isObject()) {
      throw bad(id, where, "env", "an object of variable names to string values");
    }
    for (Map.Entry<String, JsonNode> e : env.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      if (!v.isValueNode()) {
        throw bad(id, where, "env." + e.getKey(), "a string");
      }
      out.put(e.getKey(), v.asText());
    }
    return out;
  }

  private Path path(JsonNode root, String field, String id, String where, boolean required)
      throws BadRequestException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw bad(id, where, field, "a path string (relative to the request file's folder)");
      }
      return null;
    }
    if (!node.isTextual() || node.textValue().isEmpty()) {
      throw bad(id, where, field, "a path string or null");
    }
    return baseDir.resolve(node.textValue()).normalize();
  }

  private static String optionalString(JsonNode root, String field, String id, String where)
      throws BadRequestException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw bad(id, where, field, "a string");
    }
    return node.textValue();
  }

  private static BadRequestException bad(String id, String where, String field, String expected) {
    return new BadRequestException(
        id, where + ": request " + id + ": field '" + field + "' must be " + expected);
  }
}
