package dev.strata.matrix.core.plan;

import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.LinuxEntry;
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
    boolean matrixChanged = files.contains(profile.matrixPath());
    EntryDiff diff = matrixChanged ? diff(matrix, event, inputs) : EntryDiff.NONE;
    Boolean protoAdditive =
        files.contains(profile.protoPath()) ? protoAdditive(event, inputs) : null;
    RuleHits rules = sharedRules(fileList, protoAdditive);
    List<PreparedEntry> linux =
        select(
            matrix.linux,
            profile.linux().dockerfileRule(),
            files,
            diff,
            diff.linuxKeys,
            rules,
            true);
    List<PreparedEntry> darwin =
        select(
            matrix.darwin,
            profile.darwin().dockerfileRule(),
            files,
            diff,
            diff.darwinKeys,
            rules,
            false);
    Set<String> changedBackends = changedBackends(matrix, files, linux, darwin);
    Decision decision =
        new Decision(
            false,
            null,
            fileList.size(),
            rules.active.stream().map(SharedRule::id).toList(),
            rules.suppressed,
            matrixChanged,
            diff.previousAvailable,
            protoAdditive,
            linux.size(),
            darwin.size(),
            changedBackends);
    return render(matrix, linux, darwin, false, changedBackends, decision);
  }

  /** The per-entry matrix diff (3.7); an unavailable previous revision selects everything. */
  private record EntryDiff(
      boolean selectAll, Boolean previousAvailable, Set<String> linuxKeys, Set<String> darwinKeys) {
    static final EntryDiff NONE = new EntryDiff(false, null, Set.of(), Set.of());
  }

  private EntryDiff diff(PreparedMatrix matrix, GitHubEvent event, PlanInputs inputs) {
    String ref = event.previousRef();
    Optional<Matrix> previous = ref == null ? Optional.empty() : inputs.previousMatrix(ref);
    if (previous.isEmpty()) {
      return new EntryDiff(true, false, Set.of(), Set.of());
    }
    PreparedMatrix before = prepare(previous.get());
    return new EntryDiff(
        false,
        true,
        MatrixDiff.changedKeys(before.linux, matrix.linux),
        MatrixDiff.changedKeys(before.darwin, matrix.darwin));
  }

  /** Whether both proto revisions were read and the edit only adds (3.8). */
  private static boolean protoAdditive(GitHubEvent event, PlanInputs inputs) {
    String ref = event.previousRef();
    Optional<String> now = inputs.currentProto();
    Optional<String> was = ref == null ? Optional.empty() : inputs.previousProto(ref);
    return now.isPresent() && was.isPresent() && ProtoShape.isAdditive(was.get(), now.get());
  }

  /** Shared rules that fire (first match per file), minus those an additive proto suppresses. */
  private record RuleHits(List<SharedRule> active, List<String> suppressed) {}

  private RuleHits sharedRules(List<String> files, Boolean protoAdditive) {
    Set<SharedRule> hit = new LinkedHashSet<>();
    for (String file : files) {
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
      if (hit.contains(rule)) {
        if (rule.suppressWhenProtoAdditive() && Boolean.TRUE.equals(protoAdditive)) {
          suppressed.add(rule.id());
        } else {
          active.add(rule);
        }
      }
    }
    return new RuleHits(active, suppressed);
  }

  /** The selection predicate of 3.6, in input order; unmapped entries are never selected. */
  private static List<PreparedEntry> select(
      List<PreparedEntry> entries,
      boolean dockerfileRule,
      ChangeSet files,
      EntryDiff diff,
      Set<String> changedKeys,
      RuleHits rules,
      boolean linux) {
    List<PreparedEntry> selected = new ArrayList<>();
    for (PreparedEntry e : entries) {
      if (e.prefix != null
          && (files.anyUnder(e.prefix)
              || files.anyUnder(e.forkWatch)
              || dockerfileRule && files.contains(e.dockerfilePath)
              || diff.selectAll
              || changedKeys.contains(e.identityKey)
              || sharedSelects(rules.active, e, linux))) {
        selected.add(e);
      }
    }
    return selected;
  }

  /** Backends of the selected entries, plus every mapped backend whose sources changed. */
  private static Set<String> changedBackends(
      PreparedMatrix matrix,
      ChangeSet files,
      List<PreparedEntry> linux,
      List<PreparedEntry> darwin) {
    Set<String> changed = new LinkedHashSet<>();
    linux.forEach(e -> changed.add(e.backend));
    darwin.forEach(e -> changed.add(e.backend));
    for (Map.Entry<String, String> path : matrix.backendPaths.entrySet()) {
      List<String> watch = matrix.forkWatch.getOrDefault(path.getKey(), List.of());
      if (files.anyUnder(path.getValue()) || files.anyUnder(watch)) {
        changed.add(path.getKey());
      }
    }
    return changed;
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
      return new PlanResult(0, outputs, null, decision, selection(matrix, linux, darwin));
    } catch (OutputRenderer.ShardLimitException e) {
      return PlanResult.failed(e.getMessage(), decision);
    }
  }

  private static PlanResult.Selection selection(
      PreparedMatrix matrix, List<PreparedEntry> linux, List<PreparedEntry> darwin) {
    return new PlanResult.Selection(
        linux.stream().map(e -> (LinuxEntry) e.entry).toList(),
        darwin.stream().map(e -> (DarwinEntry) e.entry).toList(),
        matrix.linux.stream().map(e -> (LinuxEntry) e.entry).toList());
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
