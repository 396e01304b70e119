package dev.strata.merge.core;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.DeferMerge;
import dev.strata.domain.run.api.KeepaliveTagsCleaned;
import dev.strata.domain.run.api.LegFailed;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MergeDeferred;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.RecordKeepaliveCleanup;
import dev.strata.domain.run.api.RecordManifestMerge;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.run.api.RunRefusedException;
import dev.strata.domain.run.api.TagCleanup;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.runtime.registry.RegistryException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges each run's groups as their legs arrive: keeps the {@link RunLedger} current, asks the
 * {@link MergePlanner}, publishes through the {@link IndexPublisher}, then records {@code
 * RecordManifestMerge} or {@code DeferMerge} and cleans the keepalive anchors.
 *
 * <p>A transient registry failure throws {@link MergeRetryException} out of the handler: with a
 * propagating error handler the tracking processor keeps its token before the event and retries it,
 * so nothing is lost. Every step is idempotent (the index bytes depend only on the sources, tags
 * only on the log), so a retried or replayed event never yields a second, different index.
 */
@ProcessingGroup(MergeProcessor.PROCESSING_GROUP)
public class MergeProcessor {
  /** The processing group (and tracking processor) name. */
  public static final String PROCESSING_GROUP = "merge";

  private static final Logger LOG = LoggerFactory.getLogger(MergeProcessor.class);

  private final RunLedger ledger;
  private final PublishingRules rules;
  private final IndexPublisher publisher;
  private final KeepaliveCleaner cleaner;
  private final CommandGateway commands;
  private final Clock clock;
  private volatile TrackingToken warmedUpTo;

  public MergeProcessor(
      RunLedger ledger,
      PublishingRules rules,
      IndexPublisher publisher,
      KeepaliveCleaner cleaner,
      CommandGateway commands,
      Clock clock) {
    this.ledger = ledger;
    this.rules = rules;
    this.publisher = publisher;
    this.cleaner = cleaner;
    this.commands = commands;
    this.clock = clock;
  }

  /**
   * Applies an event read ahead of the processor (start-up warm-up); later deliveries of events
   * covered by {@code token} are not applied twice.
   */
  public void warmUp(Object payload, TrackingToken token) {
    ledger.apply(payload);
    warmedUpTo = token;
  }

  private void record(Object payload, EventMessage<?> message) {
    TrackingToken covered = warmedUpTo;
    if (covered != null
        && message instanceof TrackedEventMessage<?> tracked
        && tracked.trackingToken() != null
        && covered.covers(tracked.trackingToken())) {
      return;
    }
    ledger.apply(payload);
  }

  @EventHandler
  public void on(TriggerReceived event, EventMessage<?> message) {
    record(event, message);
  }

  @EventHandler
  public void on(MatrixFiltered event, EventMessage<?> message) {
    record(event, message);
    for (MergeGroup group : event.mergeGroups()) {
      evaluate(event.runId(), group.tagSuffix());
    }
  }

  @EventHandler
  public void on(ArchDigestPushed event, EventMessage<?> message) {
    record(event, message);
    ledger.groupOf(event.runId(), event.legId()).ifPresent(g -> evaluate(event.runId(), g));
  }

  @EventHandler
  public void on(LegFailed event, EventMessage<?> message) {
    record(event, message);
    ledger.groupOf(event.runId(), event.legId()).ifPresent(g -> evaluate(event.runId(), g));
  }

  @EventHandler
  public void on(ManifestMerged event, EventMessage<?> message) {
    record(event, message);
  }

  @EventHandler
  public void on(MergeDeferred event, EventMessage<?> message) {
    record(event, message);
  }

  @EventHandler
  public void on(KeepaliveTagsCleaned event, EventMessage<?> message) {
    record(event, message);
  }

  @EventHandler
  public void on(RunCancelled event, EventMessage<?> message) {
    record(event, message);
  }

  /** Decides and acts on one group; public so that a reconciliation can call it. */
  public void evaluate(RunId runId, TagSuffix suffix) {
    Optional<RunLedger.GroupView> maybeView = ledger.view(runId, suffix);
    if (maybeView.isEmpty()) {
      return;
    }
    RunLedger.GroupView view = maybeView.get();
    MergeDecision decision = MergePlanner.decide(view.facts());
    if (decision instanceof MergeDecision.Skip) {
      if (view.merged() && !view.cleaned() && !view.facts().pullRequest()) {
        cleanUp(view);
      }
    } else if (decision instanceof MergeDecision.Defer defer) {
      defer(view, defer.reason(), defer.missing());
    } else if (decision instanceof MergeDecision.Merge merge) {
      merge(view, merge.sources());
    }
  }

  private void merge(RunLedger.GroupView view, List<MergeSource> sources) {
    Optional<List<ImageRef>> targets = rules.repositories(view.pipeline());
    if (targets.isEmpty() || targets.get().isEmpty()) {
      defer(view, "no repositories are configured for pipeline " + view.pipeline(), List.of());
      return;
    }
    List<String> tags;
    try {
      tags = rules.tags(view.pipeline(), view.trigger(), view.group(), view.completedAt());
    } catch (IllegalArgumentException e) {
      defer(view, e.getMessage(), List.of());
      return;
    }
    if (tags.isEmpty()) {
      defer(view, "the tag rules produce no tag for this trigger", List.of());
      return;
    }
    PublishOutcome outcome;
    long started = System.nanoTime();
    try {
      outcome =
          publisher.publish(
              targets.get(), tags, sources, (target, source) -> candidates(view, target, source));
    } catch (RegistryException e) {
      throw new MergeRetryException(
          "merge group '" + view.group().tagSuffix() + "' of run " + view.runId(), e);
    }
    if (outcome instanceof PublishOutcome.Refused refused) {
      defer(view, refused.reason(), refused.missing());
      return;
    }
    PublishOutcome.Published published = (PublishOutcome.Published) outcome;
    ManifestMerged merged =
        new ManifestMerged(
            view.runId(), view.group().tagSuffix(), published.indexes(), sources, clock.instant());
    if (send(
        new RecordManifestMerge(
            merged.runId(), merged.tagSuffix(), merged.indexes(), merged.sources(), merged.at()))) {
      afterCommit(() -> ledger.markMerged(merged));
      LOG.info(
          "Merged '{}' of run {}: {} under {} in {} ms",
          merged.tagSuffix(),
          merged.runId(),
          published.indexes().get(0).digest(),
          tags,
          (System.nanoTime() - started) / 1_000_000);
      cleanUp(view);
    }
  }

  /** Where a source may be copied from into {@code target}: merge source, anchor, pushes. */
  private List<ImageRef> candidates(RunLedger.GroupView view, ImageRef target, MergeSource source) {
    Set<ImageRef> ordered = new LinkedHashSet<>();
    ordered.add(repository(rules.mergeSource(view.pipeline(), target, source.digest())));
    LegDigest where = view.digests().get(source.legId());
    List<ImageRef> others = new ArrayList<>();
    if (where != null) {
      if (where.anchor() != null) {
        others.add(repository(where.anchor()));
      }
      where.pushedTo().forEach(r -> others.add(repository(r)));
    }
    others.stream().filter(r -> r.registry().equals(target.registry())).forEach(ordered::add);
    ordered.addAll(others);
    return List.copyOf(ordered);
  }

  private static ImageRef repository(ImageRef ref) {
    return ImageRef.of(ref.repository());
  }

  private void defer(
      RunLedger.GroupView view, String reason, List<dev.strata.domain.leg.api.LegId> missing) {
    if (reason.equals(view.facts().deferReason())) {
      return;
    }
    if (send(
        new DeferMerge(view.runId(), view.group().tagSuffix(), reason, missing, clock.instant()))) {
      afterCommit(() -> ledger.markDeferred(view.runId(), view.group().tagSuffix(), reason));
      LOG.info("Deferred '{}' of run {}: {}", view.group().tagSuffix(), view.runId(), reason);
    }
  }

  private void cleanUp(RunLedger.GroupView view) {
    List<LegDigest> own =
        view.digests().values().stream().filter(d -> d.runId().equals(view.runId())).toList();
    List<TagCleanup> outcomes = cleaner.clean(view.runId(), own, ledger);
    if (!outcomes.isEmpty()) {
      send(
          new RecordKeepaliveCleanup(
              view.runId(), view.group().tagSuffix(), outcomes, clock.instant()));
    }
    afterCommit(() -> ledger.markCleaned(view.runId(), view.group().tagSuffix()));
  }

  /**
   * Applies a ledger mark once the processor's transaction commits: the commands sent from this
   * handler join it, so a rollback (and the retry that follows) must find the ledger as it was.
   */
  private static void afterCommit(Runnable mark) {
    if (CurrentUnitOfWork.isStarted()) {
      CurrentUnitOfWork.get().afterCommit(u -> mark.run());
    } else {
      mark.run();
    }
  }

  /** Sends a command; a refusal (the run was cancelled meanwhile) is logged, not retried. */
  private boolean send(Object command) {
    try {
      commands.sendAndWait(command);
      return true;
    } catch (RunRefusedException e) {
      LOG.warn("{}", e.getMessage());
      return false;
    } catch (CommandExecutionException e) {
      if (e.getCause() instanceof RunRefusedException refused) {
        LOG.warn("{}", refused.getMessage());
        return false;
      }
      throw e;
    }
  }
}
