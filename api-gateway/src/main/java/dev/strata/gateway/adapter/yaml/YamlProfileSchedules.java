package dev.strata.gateway.adapter.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.gateway.core.CronExpression;
import dev.strata.gateway.core.ScheduleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code schedules:} section of a build profile (e.g. {@code profiles/localai.yml}): the
 * repository and branch the scheduled runs build, and one entry per schedule with its name, cron
 * expression (UTC) and pipelines. Other sections belong to other services and are not read. A
 * profile without the section has no schedules.
 *
 * <pre>
 * schedules:
 *   repository: mudler/LocalAI
 *   branch: master
 *   entries:
 *     - {name: backends-weekly, cron: "0 6 * * 0", pipelines: [backend]}
 * </pre>
 */
public final class YamlProfileSchedules {
  private static final Set<String> SECTION_KEYS = Set.of("repository", "branch", "entries");
  private static final Set<String> ENTRY_KEYS = Set.of("name", "cron", "pipelines");

  private YamlProfileSchedules() {}

  /**
   * The schedules of profile {@code file}.
   *
   * @throws IllegalArgumentException naming the file, line and key, and what to write instead
   */
  public static List<ScheduleSpec> load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Tried to read the schedules of profile " + file + " but failed because: " + e, e);
    }
    return parse(text, file.toString());
  }

  /** The schedules in profile {@code text}; {@code name} names the file in errors. */
  public static List<ScheduleSpec> parse(String text, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          fail(name, "it is not valid YAML (" + e.getOriginalMessage() + ")"), e);
    }
    JsonNode section = root == null ? null : root.get("schedules");
    if (section == null || section.isNull()) {
      return List.of();
    }
    Lines lines = new Lines(text, name);
    if (!section.isObject()) {
      throw new IllegalArgumentException(
          fail(
              name,
              lines.at("schedules")
                  + "'schedules' must be a mapping with repository,"
                  + " branch and entries"));
    }
    unknownKeys(section, SECTION_KEYS, "schedules", lines, name);
    Repository repository;
    try {
      repository = Repository.parse(required(section, "repository", "schedules", lines, name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          fail(name, lines.at("repository") + "schedules.repository: " + e.getMessage()), e);
    }
    String branch = required(section, "branch", "schedules", lines, name);
    JsonNode entries = section.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new IllegalArgumentException(
          fail(
              name,
              lines.at("schedules")
                  + "schedules.entries must be a list of"
                  + " {name, cron, pipelines}"));
    }
    List<ScheduleSpec> specs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      specs.add(entry(entries.get(i), "schedules.entries[" + i + "]", repository, branch, lines));
    }
    return List.copyOf(specs);
  }

  private static ScheduleSpec entry(
      JsonNode entry, String path, Repository repository, String branch, Lines lines) {
    if (!entry.isObject()) {
      throw new IllegalArgumentException(
          fail(lines.name, path + " must be a mapping {name, cron, pipelines}"));
    }
    unknownKeys(entry, ENTRY_KEYS, path, lines, lines.name);
    String name = required(entry, "name", path, lines, lines.name);
    String cron = required(entry, "cron", path, lines, lines.name);
    JsonNode rawPipelines = entry.get("pipelines");
    if (rawPipelines == null || !rawPipelines.isArray() || rawPipelines.isEmpty()) {
      throw new IllegalArgumentException(
          fail(
              lines.name,
              lines.at(name) + path + ".pipelines must be a non-empty list," + " e.g. [backend]"));
    }
    List<String> pipelines = new ArrayList<>();
    rawPipelines.forEach(p -> pipelines.add(p.asText()));
    try {
      return new ScheduleSpec(name, CronExpression.parse(cron), repository, branch, pipelines);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          fail(lines.name, lines.at(cron) + path + ": " + e.getMessage()), e);
    }
  }

  private static String required(JsonNode node, String key, String path, Lines lines, String name) {
    JsonNode value = node.get(key);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new IllegalArgumentException(
          fail(
              name,
              lines.at(path.startsWith("schedules.") ? "name" : "schedules")
                  + path
                  + " needs '"
                  + key
                  + "'; write "
                  + key
                  + ": <value>"));
    }
    return value.asText();
  }

  private static void unknownKeys(
      JsonNode node, Set<String> known, String path, Lines lines, String name) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            fail(
                name,
                lines.at(key)
                    + "unknown key '"
                    + key
                    + "' in "
                    + path
                    + "; expected one of: "
                    + String.join(", ", known.stream().sorted().toList())));
      }
    }
  }

  private static String fail(String name, String reason) {
    return "Tried to load the schedules of profile " + name + " but failed because: " + reason;
  }

  /** Finds the line of a key or value inside the schedules section, for error messages. */
  private static final class Lines {
    private final String[] lines;
    private final String name;
    private final int start;

    Lines(String text, String name) {
      this.lines = text.split("\n", -1);
      this.name = name;
      int s = 0;
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith("schedules:")) {
          s = i;
          break;
        }
      }
      this.start = s;
    }

    /** "file:line: " for the first line at or after the section holding {@code needle}. */
    String at(String needle) {
      for (int i = start; i < lines.length; i++) {
        if (lines[i].contains(needle)) {
          return name + ":" + (i + 1) + ": ";
        }
      }
      return name + ":" + (start + 1) + ": ";
    }
  }
}
