package dev.strata.audit.core.seed;

import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What BuildKit's registry cache would serve a leg: each cache ref remembers the inputs of its last
 * write; a build is cached up to the first step whose inputs changed (base image, APT mirror,
 * Dockerfile, sources, DEPS_REFRESH week), and not at all after an eviction.
 */
final class CacheSimulation {

  /** The inputs of a build that decide its cache. */
  record Inputs(String baseImage, String aptMirror, int dockerfile, int source, String depsWeek) {}

  /** A Dockerfile kind's steps and where each input first matters. */
  private record Template(
      List<String> steps, int baseAt, int aptAt, int dockerfileAt, int sourceAt, int depsAt) {}

  private final Map<String, Inputs> written = new HashMap<>();

  /** Records what was exported to {@code ref}. */
  void written(String ref, Inputs inputs) {
    written.put(ref, inputs);
  }

  void evicted(String ref) {
    written.remove(ref);
  }

  List<String> refs() {
    List<String> refs = new ArrayList<>(written.keySet());
    refs.sort(null);
    return refs;
  }

  /** The steps of {@code entry}'s build reading {@code ref} with {@code now}'s inputs. */
  StepStats steps(SeedEntry entry, String ref, Inputs now, Random rnd) {
    Template t = template(entry);
    Inputs last = written.get(ref);
    int firstRun = t.steps.size();
    if (last == null) {
      firstRun = 0;
    } else {
      if (!last.baseImage().equals(now.baseImage())) {
        firstRun = Math.min(firstRun, t.baseAt);
      }
      if (!last.aptMirror().equals(now.aptMirror())) {
        firstRun = Math.min(firstRun, t.aptAt);
      }
      if (last.dockerfile() != now.dockerfile()) {
        firstRun = Math.min(firstRun, t.dockerfileAt);
      }
      if (last.source() != now.source()) {
        firstRun = Math.min(firstRun, t.sourceAt);
      }
      if (t.depsAt >= 0 && !last.depsWeek().equals(now.depsWeek())) {
        firstRun = Math.min(firstRun, t.depsAt);
      }
    }
    List<BuildStep> steps = new ArrayList<>();
    for (int i = 0; i < t.steps.size(); i++) {
      boolean cached = i < firstRun;
      long millis = cached ? 0 : 2_000 + rnd.nextInt(i == t.steps.size() - 1 ? 5_000 : 400_000);
      steps.add(new BuildStep(t.steps.get(i), cached, millis, null));
    }
    return new StepStats(steps);
  }

  private static Template template(SeedEntry e) {
    String b = e.backend();
    String dockerfile = e.dockerfile();
    if (dockerfile.endsWith("Dockerfile.python")) {
      return new Template(
          List.of(
              "FROM ${BASE_IMAGE} AS builder",
              "RUN apt-get update && apt-get install -y build-essential ccache git",
              "RUN curl -LsSf https://astral.sh/uv/install.sh | sh",
              "COPY backend/python/common /common",
              "COPY backend/python/" + b + " /" + b,
              "RUN cd /" + b + " && PORTABLE_PYTHON=true make",
              "RUN make -C /" + b + " package",
              "COPY --from=builder /" + b + " /"),
          0,
          1,
          1,
          4,
          5);
    }
    if (dockerfile.endsWith("Dockerfile.golang")) {
      return new Template(
          List.of(
              "FROM ${BASE_IMAGE} AS builder",
              "RUN apt-get update && apt-get install -y build-essential git",
              "RUN curl -L https://go.dev/dl/go.tar.gz | tar -C /usr/local -xz",
              "COPY backend/go/" + b + " /LocalAI/backend/go/" + b,
              "RUN make -C /LocalAI/backend/go/" + b + " engine",
              "COPY . /LocalAI",
              "RUN make -C /LocalAI backends/" + b,
              "COPY --from=builder /LocalAI/backend-assets /"),
          0,
          1,
          1,
          5,
          -1);
    }
    if (e.darwin()) {
      return new Template(List.of("build"), 0, 0, 0, 0, -1);
    }
    if (dockerfile.contains("base-grpc-builder")) {
      return new Template(
          List.of(
              "FROM ${BASE_IMAGE}",
              "RUN --mount=type=bind,source=.docker,target=/docker /docker/install-base-deps.sh",
              "RUN cmake --build grpc && cmake --install grpc --prefix /opt/grpc"),
          0,
          1,
          1,
          1,
          -1);
    }
    return new Template(
        List.of(
            "FROM ${BUILDER_BASE_IMAGE} AS builder-prebuilt",
            "COPY --from=builder-prebuilt /opt/grpc /usr/local",
            "COPY . /LocalAI",
            "RUN --mount=type=cache,target=/root/.ccache .docker/" + b + "-compile.sh",
            "RUN make -C /LocalAI/backend/cpp/" + b + " package",
            "COPY --from=builder /LocalAI/backend-assets /"),
        0,
        0,
        0,
        2,
        -1);
  }
}
