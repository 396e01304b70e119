package dev.strata.audit.core.seed;

import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A deterministic LocalAI-shaped CI history, day by day: Saturday base images, Sunday's weekly full
 * schedule, filtered master pushes and pull requests every day, a monthly release (sometimes
 * cancelled by a dispatch, hazard H2), superseded pull requests, weekly registry garbage
 * collection, leg failures and the Darwin caches. The same settings give the same history.
 */
public final class HistoryGenerator {

  /**
   * What to generate.
   *
   * @param runs how many runs (eviction batches do not count)
   * @param seed the random seed
   * @param start the first day (UTC); a Saturday gives the base images a head start
   * @param weekStyle how DEPS_REFRESH is computed (LocalAI's calendar-year form repeats keys at
   *     year end)
   * @param repository the repository the triggers concern
   */
  public record Settings(
      int runs, long seed, LocalDate start, WeekKeyStyle weekStyle, Repository repository) {
    public Settings {
      if (runs < 1) {
        throw new IllegalArgumentException("Invalid run count " + runs + ": expected 1 or more");
      }
    }
  }

  private final SeedMatrix matrix;
  private final Settings settings;
  private final Random rnd;
  private final LegSimulation legs;
  private int runCounter;
  private int emittedRuns;
  private int evictionCounter;
  private int prCounter = 1000;
  private int release;

  public HistoryGenerator(SeedMatrix matrix, Settings settings) {
    this.matrix = matrix;
    this.settings = settings;
    this.rnd = new Random(settings.seed());
    this.legs = new LegSimulation(matrix, settings.weekStyle(), rnd);
  }

  /** A planned trigger of the day. */
  private record Slot(Instant at, Consumer<Instant> action) {}

  /** Emits run scripts in start order until {@code settings.runs()} runs were emitted. */
  public void generate(Consumer<RunScript> sink) {
    LocalDate day = settings.start();
    while (emittedRuns < settings.runs()) {
      for (Slot slot : day(day, sink)) {
        if (emittedRuns >= settings.runs()) {
          return;
        }
        slot.action().accept(slot.at());
      }
      day = day.plusDays(1);
    }
  }

  private List<Slot> day(LocalDate day, Consumer<RunScript> sink) {
    Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Slot> slots = new ArrayList<>();
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
      slots.add(new Slot(midnight.plus(Duration.ofHours(5)), at -> emit(sink, baseImages(at))));
    }
    if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      slots.add(new Slot(midnight.plus(Duration.ofHours(6)), at -> emit(sink, schedule(at))));
    }
    if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
      slots.add(new Slot(midnight.plus(Duration.ofHours(3)), at -> sink.accept(gc(at))));
    }
    if (day.getDayOfMonth() == 2) {
      slots.add(new Slot(midnight.plus(Duration.ofHours(12)), at -> releaseRun(sink, at)));
    }
    int pushes = 1 + rnd.nextInt(5);
    for (int i = 0; i < pushes; i++) {
      slots.add(new Slot(daytime(midnight), at -> emit(sink, push(at))));
    }
    int prs = 2 + rnd.nextInt(6);
    for (int i = 0; i < prs; i++) {
      slots.add(new Slot(daytime(midnight), at -> pullRequest(sink, at)));
    }
    slots.sort(Comparator.comparing(Slot::at));
    return slots;
  }

  private Instant daytime(Instant midnight) {
    return midnight.plusSeconds(7 * 3600 + rnd.nextInt(14 * 3600));
  }

  private void emit(Consumer<RunScript> sink, RunScript script) {
    emittedRuns++;
    sink.accept(script);
  }

  private RunId nextRun() {
    return RunId.of("r" + (++runCounter));
  }

  private CommitSha sha() {
    byte[] bytes = new byte[20];
    rnd.nextBytes(bytes);
    return new CommitSha(HexFormat.of().formatHex(bytes));
  }

  private RunScript baseImages(Instant at) {
    Trigger trigger = Trigger.schedule(settings.repository(), "0 5 * * 6", "master", sha());
    return legs.baseImages(nextRun(), trigger, at);
  }

  private RunScript schedule(Instant at) {
    Trigger trigger = Trigger.schedule(settings.repository(), "0 6 * * 0", "master", sha());
    return legs.run(nextRun(), trigger, matrix.all(), true, "schedule: full matrix", at, null);
  }

  private RunScript push(Instant at) {
    Trigger trigger = Trigger.push(settings.repository(), "master", sha(), sha(), false);
    if (rnd.nextInt(20) == 0) {
      return legs.run(
          nextRun(), trigger, matrix.all(), true, "shared build input changed", at, null);
    }
    Set<String> backends = pick(1 + (rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(4)));
    legs.touched(backends);
    return legs.run(nextRun(), trigger, matrix.ofBackends(backends), false, "", at, null);
  }

  private void pullRequest(Consumer<RunScript> sink, Instant at) {
    int number = ++prCounter;
    Set<String> backends = pick(1 + rnd.nextInt(2));
    List<SeedEntry> entries = matrix.ofBackends(backends);
    boolean fork = rnd.nextInt(5) == 0;
    if (rnd.nextInt(100) < 15 && emittedRuns + 1 < settings.runs()) {
      RunId old = nextRun();
      RunId newer = nextRun();
      Trigger first = Trigger.pullRequest(settings.repository(), number, sha(), sha(), null, fork);
      emit(sink, legs.run(old, first, entries, false, "", at, newer));
      Trigger second = Trigger.pullRequest(settings.repository(), number, sha(), sha(), null, fork);
      emit(sink, legs.run(newer, second, entries, false, "", at.plusSeconds(1200), null));
      return;
    }
    Trigger trigger = Trigger.pullRequest(settings.repository(), number, sha(), sha(), null, fork);
    emit(sink, legs.run(nextRun(), trigger, entries, false, "", at, null));
  }

  private void releaseRun(Consumer<RunScript> sink, Instant at) {
    release++;
    String tag = "v3." + (release / 10) + "." + (release % 10);
    Trigger trigger = Trigger.tagPush(settings.repository(), tag, sha());
    if (release % 6 == 0 && emittedRuns + 1 < settings.runs()) {
      // hazard H2: the release waits behind a run of its sha; a dispatch cancels it
      RunId cancelled = nextRun();
      RunId dispatch = nextRun();
      emit(sink, legs.pendingCancelled(cancelled, trigger, at, dispatch, at.plusSeconds(300)));
      Trigger manual = Trigger.dispatch(settings.repository(), "refs/heads/master", trigger.sha());
      emit(
          sink,
          legs.run(
              dispatch,
              manual,
              matrix.all(),
              true,
              "dispatch: full matrix",
              at.plusSeconds(300),
              null));
      return;
    }
    emit(sink, legs.run(nextRun(), trigger, matrix.all(), true, "tag push: full matrix", at, null));
  }

  private RunScript gc(Instant at) {
    RunScriptBuilder batch = RunScriptBuilder.batch("gc" + (++evictionCounter), at);
    List<String> refs = legs.cache().refs();
    int n = Math.min(refs.size(), 2 + rnd.nextInt(3));
    for (int i = 0; i < n; i++) {
      String ref = refs.get(rnd.nextInt(refs.size()));
      boolean user = rnd.nextInt(8) == 0;
      batch.evict(
          "ev" + evictionCounter + "-" + i,
          "registry",
          ref,
          user ? "corrupt cache manifest reported by a build" : "untouched for 30 days",
          user ? "user:alice" : "gc",
          300L * 1024 * 1024 + rnd.nextInt(1 << 30),
          at.plusSeconds(i));
      legs.cache().evicted(ref);
    }
    return batch.build();
  }

  private Set<String> pick(int n) {
    List<String> backends = matrix.backends();
    Set<String> picked = new LinkedHashSet<>();
    while (picked.size() < Math.min(n, backends.size())) {
      picked.add(backends.get(rnd.nextInt(backends.size())));
    }
    return picked;
  }
}
