package dev.strata.matrix.core.plan;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.core.plan.PlanResult.Decision;
import dev.strata.matrix.core.profile.Profile;
import dev.strata.matrix.core.profile.SharedRule;
import dev.strata.matrix.core.proto.ProtoShape;
import dev.strata.matrix.port.ChangeRange;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.PlanInputException;
import dev.strata.matrix.port.PlanInputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The change filter (DOMAIN.md 3): decides between the full matrix and a filtered one, selects
 * entries by path inference, fork rule, Dockerfile rule, per-entry matrix diff and shared inputs,
 * and renders the GitHub outputs. Pure apart from what {@link PlanInputs} reads; remembers the
 * preparation of recently seen {@link Matrix} instances so a batch prepares each file once.
 */
public final class Planner {

  private static final int CACHE_SIZE = 64;

  private final Profile profile;
  private final IdentityLru<Matrix, PreparedMatrix> prepared = new IdentityLru<>(CACHE_SIZE);

  public Planner(Profile profile) {
    this.profile = profile;
  }

  public Profile profile() {
    return profile;
  }

  /** Plans one request. Never throws for bad inputs: a failure is a result with exit code 1. */
  public PlanResult plan(PlanRequest request, PlanInputs inputs) {
    PreparedMatrix current;
    try {
      current = prepare(inputs.currentMatrix());
    } catch (PlanInputException e) {
      return PlanResult.failed(e.getMessage(), null);
    }
    GitHubEvent event = request.event();
    List<String> files = null;
    RunAllReason reason = null;
    if (event.pullRequest()) {
      // pull requests always use the PR file list, even with FORCE_ALL=true
      ChangedFiles listed =
          inputs.changedFiles(ChangeRange.pullRequest(event.baseSha(), event.headSha()));
      if (listed instanceof ChangedFiles.Unavailable u) {
        return PlanResult.failed(
            "Tried to list the pull request's changed files but failed because: " + u.reason(),
            null);
      }
      files = ((ChangedFiles.Listed) listed).files();
    } else if (event.isBranchPush() && !request.forceAll()) {
      if (event.before() == null || event.after() == null) {
        reason = RunAllReason.MISSING_RANGE;
      } else if (event.zeroBefore()) {
        reason = RunAllReason.ZERO_BEFORE;
      } else {
        ChangedFiles listed = inputs.changedFiles(ChangeRange.push(event.before(), event.after()));
        if (listed instanceof ChangedFiles.Listed l) {
          if (l.fromTruncatingSource() && l.files().size() >= profile.limits().compareCap()) {
            reason = RunAllReason.TRUNCATED;
          } else {
            files = l.files();
          }
        } else {
          reason = RunAllReason.CHANGED_FILES_UNAVAILABLE;
        }
      }
    } else if (event.isTagPush()) {
      reason = RunAllReason.TAG_PUSH;
    } else {
      reason = event.isBranchPush() ? RunAllReason.FORCE_ALL : RunAllReason.NO_REF;
    }
    return files == null ? full(current, reason) : filtered(current, files, event, inputs);
  }

  private PlanResult full(PreparedMatrix matrix, RunAllReason reason) {
    Decision decision =
        new Decision(
            true,
            reason,
            -1,
            List.of(),
            List.of(),
            false,
            null,
            null,
            matrix.linux.size(),
            matrix.darwin.size(),
            matrix.backendPaths.keySet());
    return render(matrix, matrix.linux, matrix.darwin, true, null, decision);
  }

  private PlanResult filtered(
      PreparedMatrix matrix, List<String> fileList, GitHubEvent event, PlanInputs inputs) {
    ChangeSet files = new ChangeSet(fileList);
    Set<String> linuxKeys = Set.of();
    Set<String> darwinKeys = Set.of();
    boolean matrixChanged = files.contains(profile.matrixPath());
    Boolean previousAvailable = null;
    if (matrixChanged) {
      String ref = event.previousRef();
      Optional<Matrix> previous = ref == null ? Optional.empty() : inputs.previousMatrix(ref);
      previousAvailable = previous.isPresent();
      if (previous.isPresent()) {
        PreparedMatrix before = prepare(previous.get());
        linuxKeys = MatrixDiff.changedKeys(before.linux, matrix.linux);
        darwinKeys = MatrixDiff.changedKeys(before.darwin, matrix.darwin);
      }
    }
    boolean selectAll = matrixChanged && !previousAvailable;

    Boolean protoAdditive = null;
    if (files.contains(profile.protoPath())) {
      String ref = event.previousRef();
      Optional<String> now = inputs.currentProto();
      Optional<String> was = ref == null ? Optional.empty() : inputs.previousProto(ref);
      protoAdditive =
          now.isPresent() && was.isPresent() && ProtoShape.isAdditive(was.get(), now.get());
    }

    Set<SharedRule> hit = new LinkedHashSet<>();
    for (String file : fileList) {
      for (SharedRule rule : profile.sharedInputs()) {
        if (rule.matches(file)) {
          hit.add(rule);
          break;
        }
      }
    }
    List<SharedRule> active = new ArrayList<>();
    List<String> suppressed = new ArrayList<>();
    for (SharedRule rule : profile.sharedInputs()) {
      if (!hit.contains(rule)) {
        continue;
      }
      if (rule.suppressWhenProtoAdditive() && Boolean.TRUE.equals(protoAdditive)) {
        suppressed.add(rule.id());
      } else {
        active.add(rule);
      }
    }

    List<PreparedEntry> linux = new ArrayList<>();
    for (PreparedEntry e : matrix.linux) {
      if (e.prefix != null
          && (files.anyUnder(e.prefix)
              || files.anyUnder(e.forkWatch)
              || profile.linux().dockerfileRule() && files.contains(e.dockerfilePath)
              || selectAll
              || linuxKeys.contains(e.identityKey)
              || sharedSelects(active, e, true))) {
        linux.add(e);
      }
    }
    List<PreparedEntry> darwin = new ArrayList<>();
    for (PreparedEntry e : matrix.darwin) {
      if (e.prefix != null
          && (files.anyUnder(e.prefix)
              || files.anyUnder(e.forkWatch)
              || profile.darwin().dockerfileRule() && files.contains(e.dockerfilePath)
              || selectAll
              || darwinKeys.contains(e.identityKey)
              || sharedSelects(active, e, false))) {
        darwin.add(e);
      }
    }

    Set<String> changedBackends = new LinkedHashSet<>();
    linux.forEach(e -> changedBackends.add(e.backend));
    darwin.forEach(e -> changedBackends.add(e.backend));
    for (Map.Entry<String, String> path : matrix.backendPaths.entrySet()) {
      List<String> watch = matrix.forkWatch.getOrDefault(path.getKey(), List.of());
      if (files.anyUnder(path.getValue()) || files.anyUnder(watch)) {
        changedBackends.add(path.getKey());
      }
    }
    Decision decision =
        new Decision(
            false,
            null,
            fileList.size(),
            active.stream().map(SharedRule::id).toList(),
            suppressed,
            matrixChanged,
            previousAvailable,
            protoAdditive,
            linux.size(),
            darwin.size(),
            changedBackends);
    return render(matrix, linux, darwin, false, changedBackends, decision);
  }

  private static boolean sharedSelects(List<SharedRule> rules, PreparedEntry e, boolean linux) {
    for (SharedRule rule : rules) {
      if (e.selectedBy(linux ? rule.linux() : rule.darwin())) {
        return true;
      }
    }
    return false;
  }

  private PlanResult render(
      PreparedMatrix matrix,
      List<PreparedEntry> linux,
      List<PreparedEntry> darwin,
      boolean runAll,
      Set<String> changedBackends,
      Decision decision) {
    try {
      List<Output> outputs =
          OutputRenderer.render(matrix, linux, darwin, runAll, changedBackends, profile.limits());
      return new PlanResult(0, outputs, null, decision);
    } catch (OutputRenderer.ShardLimitException e) {
      return PlanResult.failed(e.getMessage(), decision);
    }
  }

  private PreparedMatrix prepare(Matrix matrix) {
    IdentityLru.Ref<Matrix> key = new IdentityLru.Ref<>(matrix);
    synchronized (prepared) {
      PreparedMatrix p = prepared.get(key);
      if (p != null) {
        return p;
      }
    }
    PreparedMatrix p = new PreparedMatrix(matrix, profile);
    synchronized (prepared) {
      prepared.put(key, p);
    }
    return p;
  }

  /** A small LRU keyed by identity: Matrix equality would compare every entry. */
  private static final class IdentityLru<K, V> extends LinkedHashMap<IdentityLru.Ref<K>, V> {
    private final int capacity;

    IdentityLru(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    record Ref<K>(K key) {
      @Override
      public boolean equals(Object o) {
        return o instanceof Ref<?> r && r.key == key;
      }

      @Override
      public int hashCode() {
        return System.identityHashCode(key);
      }
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<Ref<K>, V> eldest) {
      return size() > capacity;
    }
  }
}
