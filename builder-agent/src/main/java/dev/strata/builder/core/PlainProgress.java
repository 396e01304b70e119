package dev.strata.builder.core;

import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place BuildKit's progress becomes data. Reads {@code --progress=plain} output line by
 * line ({@code #N <name>}, {@code #N 0.123 <log>}, {@code #N CACHED}, {@code #N DONE 0.3s}, {@code
 * #N ERROR: <msg>}; vertices interleave and are matched by {@code #N}) into vertices, and exposes
 * the Dockerfile steps ({@code [stage n/m] INSTRUCTION}, except {@code FROM}: resolving a base
 * image is not a step that runs or is cached) as {@link StepStats}, the failing step, the cache
 * imports that succeeded and the steps' log output.
 *
 * <p>Not thread-safe: feed it from the thread that reads the build's output.
 */
public final class PlainProgress {
  private static final Pattern VERTEX_LINE = Pattern.compile("#(\\d+) (.*)");
  private static final Pattern DONE = Pattern.compile("DONE (\\d+(?:\\.\\d+)?)s");
  private static final Pattern LOG = Pattern.compile("(\\d+\\.\\d+) ?(.*)");
  private static final Pattern STEP = Pattern.compile("\\[(?:[^\\]]+ )?\\d+/\\d+\\] (?!FROM ).*");
  private static final String CACHE_IMPORT = "importing cache manifest from ";

  /** What a line changed, for streaming progress. */
  public enum Change {
    NONE,
    STEP_STARTED,
    STEP_FINISHED
  }

  /** One vertex of the build graph as far as the output told. */
  public static final class Vertex {
    private final String name;
    private boolean cached;
    private boolean finished;
    private long durationMillis;
    private String error;

    Vertex(String name) {
      this.name = name;
    }

    public String name() {
      return name;
    }

    public boolean cached() {
      return cached;
    }

    public boolean finished() {
      return finished;
    }

    public String error() {
      return error;
    }

    /** Whether this vertex is a Dockerfile instruction ({@code [build 2/5] RUN ...}). */
    public boolean isStep() {
      return STEP.matcher(name).matches();
    }

    BuildStep toStep() {
      return new BuildStep(name, cached, cached ? 0 : durationMillis, error);
    }
  }

  private final Map<Integer, Vertex> vertices = new LinkedHashMap<>();
  private final List<String> stepOutput = new ArrayList<>();
  private final List<String> trailer = new ArrayList<>();
  private Vertex last;

  /** Reads one output line and says whether a step started or finished. */
  public Change accept(String line) {
    Matcher m = VERTEX_LINE.matcher(line);
    if (!m.matches()) {
      if (!line.isBlank()) {
        trailer.add(line);
      }
      return Change.NONE;
    }
    int id = Integer.parseInt(m.group(1));
    String rest = m.group(2);
    Vertex v = vertices.get(id);
    if (v == null) {
      v = new Vertex(rest);
      vertices.put(id, v);
      last = v;
      return v.isStep() ? Change.STEP_STARTED : Change.NONE;
    }
    last = v;
    return update(v, rest);
  }

  private Change update(Vertex v, String rest) {
    if (rest.equals("CACHED")) {
      v.cached = true;
      v.finished = true;
      return finished(v);
    }
    Matcher done = DONE.matcher(rest);
    if (done.matches()) {
      v.durationMillis = Math.round(Double.parseDouble(done.group(1)) * 1000);
      v.finished = true;
      return finished(v);
    }
    if (rest.startsWith("ERROR")) {
      v.error = rest.replaceFirst("^ERROR:? ?", "");
      v.finished = true;
      return finished(v);
    }
    if (rest.equals("CANCELED")) {
      v.error = "canceled";
      v.finished = true;
      return finished(v);
    }
    Matcher log = LOG.matcher(rest);
    if (log.matches() && v.isStep()) {
      stepOutput.add(log.group(2));
    }
    // the vertex digest line, repeated headers and status lines carry nothing more
    return Change.NONE;
  }

  private static Change finished(Vertex v) {
    return v.isStep() ? Change.STEP_FINISHED : Change.NONE;
  }

  /** The Dockerfile steps, in the order the builder first reported them. */
  public StepStats steps() {
    return new StepStats(
        vertices.values().stream().filter(Vertex::isStep).map(Vertex::toStep).toList());
  }

  /** The first step that ended with an error, if any. */
  public Optional<Vertex> failedStep() {
    return vertices.values().stream()
        .filter(v -> v.isStep() && v.error != null && !v.error.equals("canceled"))
        .findFirst();
  }

  /** The first error any vertex reported (also non-step ones such as the exporter). */
  public Optional<Vertex> firstError() {
    return vertices.values().stream().filter(v -> v.error != null).findFirst();
  }

  /** The cache refs whose import finished without error ({@code importing cache manifest}). */
  public List<String> cacheRefsRead() {
    return vertices.values().stream()
        .filter(v -> v.name.startsWith(CACHE_IMPORT) && v.finished && v.error == null)
        .map(v -> v.name.substring(CACHE_IMPORT.length()).trim())
        .toList();
  }

  /** The output the steps printed, timestamps removed, in arrival order. */
  public List<String> stepOutput() {
    return List.copyOf(stepOutput);
  }

  /** Lines outside any vertex (the CLI's closing error summary), in order. */
  public List<String> trailer() {
    return List.copyOf(trailer);
  }

  /** The name of the vertex the last {@code #N} line was about, or null before any. */
  public String lastVertex() {
    return last == null ? null : last.name;
  }

  /** The step currently running (started, not finished), if any; the most recent one first. */
  public Optional<String> runningStep() {
    List<Vertex> running =
        vertices.values().stream().filter(v -> v.isStep() && !v.finished).toList();
    return running.isEmpty() ? Optional.empty() : Optional.of(running.get(running.size() - 1).name);
  }
}
