package dev.strata.domain.audit.model;

import dev.strata.domain.Values;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.audit.api.InvariantCount;
import dev.strata.domain.audit.api.Violation;
import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.DarwinCacheSaved;
import dev.strata.domain.run.api.LegClaimed;
import dev.strata.domain.run.api.LegFailed;
import dev.strata.domain.run.api.LegVerified;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MergeDeferred;
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.run.api.RunCompleted;
import dev.strata.domain.run.api.RunEvent;
import dev.strata.domain.run.api.TriggerReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The audit model. Feed it the event log in order ({@link #accept}); then {@link #report()} lists
 * cache use per ref and the invariant violations with the events that prove them. Deterministic:
 * the same log and query give an equal report.
 *
 * <p>Event times are the events' own {@code at} (domain time), not the store's append time. Events
 * after the query's {@code to} are not applied; the report is "as of" {@code to}, or of the latest
 * event time.
 */
public final class Auditor {

  /** The event types the audit applies; a reader may skip deserializing any other type. */
  public static final Set<Class<?>> AUDITED_TYPES =
      Set.of(
          TriggerReceived.class,
          MatrixFiltered.class,
          LegClaimed.class,
          ArchDigestPushed.class,
          LegVerified.class,
          LegFailed.class,
          DarwinCacheSaved.class,
          ManifestMerged.class,
          MergeDeferred.class,
          RunCancelled.class,
          RunCompleted.class,
          CacheEvicted.class);

  private static final String REGISTRY_STORE = "registry";

  private final AuditQuery query;
  private final AuditRules rules;
  private final RunBook runs = new RunBook();
  private final Findings findings;
  private final CacheLedger caches;
  private final WriteChecks writes;
  private final NamespaceCheck namespaces;
  private final BootstrapOrderCheck bootstrap;
  private final MergeCoverage merges;
  private final ReleaseCancellations releases;
  private final PythonFreshness python;
  private final DepsRefreshReuse depsRefresh;
  private final DarwinCacheBudget darwin;
  private final LogCounter log = new LogCounter();
  private AuditReport report;

  public Auditor(AuditQuery query, AuditRules rules) {
    this.query = Values.required(query, "audit query");
    this.rules = Values.required(rules, "audit rules");
    this.findings = new Findings(rules.evidenceLimit());
    this.caches = new CacheLedger(query, rules.entryLimit());
    this.writes = new WriteChecks(findings, rules.prRepositories());
    this.namespaces = new NamespaceCheck(findings);
    this.bootstrap = new BootstrapOrderCheck(findings, rules.imagesPresentAtStart());
    this.merges = new MergeCoverage(findings, rules.mergeWindow());
    this.releases = new ReleaseCancellations(findings, runs);
    this.python = new PythonFreshness(findings, rules.pythonStaleAfter());
    this.depsRefresh = new DepsRefreshReuse(findings, rules.weekTolerance());
    this.darwin = new DarwinCacheBudget(findings, rules.darwinBudgetBytes());
  }

  /** Whether the audit applies events of {@code type}. */
  public static boolean audits(Class<?> type) {
    return AUDITED_TYPES.contains(type);
  }

  /** Counts an event the reader did not deserialize because the audit does not apply its type. */
  public void skip(long index) {
    requireOpen();
    log.read(index);
  }

  /**
   * Applies the event at global {@code index}. Events of other types are counted and otherwise
   * ignored.
   */
  public void accept(long index, Object event) {
    requireOpen();
    log.read(index);
    Instant at = timeOf(event);
    if (at == null || (query.to() != null && at.isAfter(query.to()))) {
      return;
    }
    log.audited(event, at);
    if (event instanceof RunEvent e) {
      onRunEvent(index, e);
    } else if (event instanceof CacheEvicted e) {
      onEvicted(index, e);
    }
  }

  private void requireOpen() {
    if (report != null) {
      throw new IllegalStateException(
          "Tried to apply an event to the audit but failed because: the report was already made");
    }
  }

  private void onRunEvent(long index, RunEvent event) {
    if (event instanceof TriggerReceived e) {
      runs.onTrigger(index, e);
      return;
    }
    RunBook.Run run = runs.get(event.runId());
    if (event instanceof MatrixFiltered e) {
      runs.onPlan(index, e);
      namespaces.onPlan(index, e);
      python.onPlan(index, run, e);
    } else if (event instanceof LegClaimed e) {
      RunBook.Leg leg = runs.leg(run, e.legId());
      if (leg != null) {
        leg.claimedAt = e.at();
      }
    } else if (event instanceof ArchDigestPushed e) {
      onDigest(index, run, e);
    } else if (event instanceof LegVerified e) {
      onVerified(index, run, e);
    } else if (event instanceof LegFailed e) {
      RunBook.Leg leg = runs.leg(run, e.legId());
      Evidence ev = new Evidence(index, "LegFailed", run.id, e.legId().value(), e.at());
      bootstrap.onLegEnded(run, leg == null ? "" : leg.builderBase, false, plan(run, leg), ev);
    } else if (event instanceof DarwinCacheSaved e) {
      writes.onDarwinSave(index, run, e);
      darwin.onSave(index, run, e);
    } else if (event instanceof ManifestMerged e) {
      onMerged(index, run, e);
    } else if (event instanceof MergeDeferred e) {
      merges.onDeferred(index, run, e);
    } else if (event instanceof RunCancelled e) {
      releases.onCancelled(index, run, e);
      runs.onEnded(e.runId(), true);
    } else if (event instanceof RunCompleted e) {
      runs.onEnded(e.runId(), false);
    }
  }

  private void onDigest(long index, RunBook.Run run, ArchDigestPushed e) {
    RunBook.Leg leg = runs.leg(run, e.legId());
    Evidence ev = new Evidence(index, "ArchDigestPushed", run.id, e.legId().value(), e.at());
    writes.onDigest(index, run, e);
    build(run, leg, e.legId(), e.cacheRead(), e.cacheWritten(), e.steps(), e.inputs(), ev);
    for (ImageRef ref : e.pushedTo()) {
      if (ref.tag() != null) {
        bootstrap.onPushed(ref.repository() + ":" + ref.tag());
      }
    }
    merges.onDigest(index, run, leg, e);
    python.onPublished(index, run, leg, e.legId().value(), e.at());
  }

  private void onVerified(long index, RunBook.Run run, LegVerified e) {
    RunBook.Leg leg = runs.leg(run, e.legId());
    Evidence ev = new Evidence(index, "LegVerified", run.id, e.legId().value(), e.at());
    writes.onVerified(index, run, e);
    build(run, leg, e.legId(), e.cacheRead(), e.cacheWritten(), e.steps(), e.inputs(), ev);
  }

  /** What every successful build records: cache reads and writes, inputs, builder base. */
  private void build(
      RunBook.Run run,
      RunBook.Leg leg,
      LegId legId,
      List<CacheRef> reads,
      List<CacheWrite> cacheWrites,
      StepStats steps,
      BuildInputs inputs,
      Evidence ev) {
    String id = legId.value();
    long cached = steps == null ? 0 : steps.cachedCount();
    long executed = steps == null ? 0 : steps.executedCount();
    for (CacheRef ref : reads) {
      String name = ref.toString();
      caches.read(ev.index(), run, id, name, ev.at(), cached, executed);
      namespaces.onCacheUse(name, ev);
    }
    for (CacheWrite write : cacheWrites) {
      String name = write.ref().toString();
      caches.write(ev.index(), run, id, name, ev.at());
      if (!reads.contains(write.ref())) {
        namespaces.onCacheUse(name, ev);
      }
    }
    String builderBase =
        inputs != null ? inputs.builderBaseImage() : leg == null ? "" : leg.builderBase;
    bootstrap.onLegEnded(run, builderBase, true, plan(run, leg), ev);
    if (inputs != null) {
      Instant started = leg != null && leg.claimedAt != null ? leg.claimedAt : ev.at();
      depsRefresh.onBuild(run, inputs, started, ev);
    }
  }

  private void onMerged(long index, RunBook.Run run, ManifestMerged e) {
    writes.onMerge(index, run, e);
    merges.onMerge(index, run, e);
    for (PublishedIndex published : e.indexes()) {
      for (String tag : published.tags()) {
        bootstrap.onPushed(published.repository().repository() + ":" + tag);
      }
    }
  }

  private void onEvicted(long index, CacheEvicted e) {
    if (REGISTRY_STORE.equals(e.store())) {
      List<String> refs = new ArrayList<>();
      refs.add(e.ref());
      for (String other : e.alsoRemoved()) {
        refs.add(resolveAgainst(e.ref(), other));
      }
      for (String ref : refs) {
        caches.evict(index, ref, e.evictionId(), e.evictedBy(), e.reason(), e.at());
        bootstrap.onRemoved(ref);
      }
    } else {
      darwin.onEvicted(e.ref());
    }
  }

  /** A bare tag in {@code alsoRemoved} names a tag of the evicted ref's repository. */
  private static String resolveAgainst(String ref, String other) {
    if (other.contains("/") || other.contains(":")) {
      return other;
    }
    int colon = ref.lastIndexOf(':');
    int slash = ref.lastIndexOf('/');
    String repository = colon > slash ? ref.substring(0, colon) : ref;
    return repository + ":" + other;
  }

  private static Evidence plan(RunBook.Run run, RunBook.Leg leg) {
    return leg == null
        ? null
        : new Evidence(leg.planIndex, "MatrixFiltered", run.id, null, leg.planAt);
  }

  /**
   * The report as of the query's {@code to}, or of the latest event applied. Ends the replay: no
   * event can be applied afterwards; asking again returns the same report.
   */
  public AuditReport report() {
    if (report == null) {
      report = makeReport();
    }
    return report;
  }

  private AuditReport makeReport() {
    Instant asOf = log.asOf(query);
    if (asOf != null) {
      merges.finish(asOf);
      python.finish(asOf);
    }
    darwin.finish();
    releases.finish();
    List<Violation> violations = findings.violations(query);
    List<InvariantCount> counts = new ArrayList<>();
    for (Invariant invariant : Invariant.values()) {
      long n = violations.stream().filter(v -> v.invariant() == invariant.number()).count();
      counts.add(new InvariantCount(invariant.number(), invariant.title(), n));
    }
    return new AuditReport(
        query, rules.view(), log.summary(query, runs), counts, violations, caches.report());
  }

  /** The domain time of an audited event, or null for other types. */
  static Instant timeOf(Object event) {
    if (event instanceof RunEvent e) {
      return e.at();
    }
    if (event instanceof CacheEvicted e) {
      return e.at();
    }
    return null;
  }
}
