package dev.strata.merge.boot;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.merge.core.CacheCatalog;
import dev.strata.merge.core.CacheCollector;
import dev.strata.merge.core.CacheEntry;
import dev.strata.merge.core.CacheEvictionRefused;
import dev.strata.merge.core.CacheEvictor;
import dev.strata.merge.core.CacheInventory;
import dev.strata.merge.core.CacheUsage;
import dev.strata.runtime.registry.RegistryException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code strata cache list|evict|gc}: the registry cache inventory and its eviction. The launcher
 * adds it with {@code cli.addSubcommand(new CacheCommand(opener))}. Exit codes: 0 done, 1 registry
 * failure, 2 refused (absent tag, shared digest without {@code --force}, bad input).
 */
@Command(
    name = "cache",
    description = "List and evict registry cache tags (BuildKit caches, anchors, bases).",
    subcommands = {
      CacheCommand.ListCommand.class,
      CacheCommand.EvictCommand.class,
      CacheCommand.GcCommand.class
    })
public final class CacheCommand implements Callable<Integer> {
  /** Exit code of a refused eviction or bad input. */
  public static final int EXIT_REFUSED = 2;

  private final CacheContext.Opener opener;
  @Spec CommandLine.Model.CommandSpec spec;

  public CacheCommand(CacheContext.Opener opener) {
    this.opener = opener;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  interface Action {
    int run(CacheContext context, PrintWriter out, PrintWriter err) throws Exception;
  }

  int withContext(CommandLine cli, Action action) throws Exception {
    PrintWriter out = cli.getOut();
    PrintWriter err = cli.getErr();
    try (CacheContext context = opener.open()) {
      return action.run(context, out, err);
    } catch (CacheEvictionRefused e) {
      err.println("strata cache: " + e.getMessage());
      return EXIT_REFUSED;
    } catch (RegistryException e) {
      err.println("strata cache: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  static List<ImageRef> repositories(CacheContext context, List<String> given) {
    return given == null || given.isEmpty()
        ? context.cacheRepositories()
        : given.stream().map(ImageRef::parse).toList();
  }

  /** {@code strata cache list [--repo R]}. */
  @Command(name = "list", description = "Every cache tag: last write, reads since, size.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand CacheCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", paramLabel = "REPO", description = "Cache repository (repeatable).")
    List<String> repos;

    @Override
    public Integer call() throws Exception {
      return parent.withContext(
          spec.commandLine(),
          (context, out, err) -> {
            CacheInventory inventory = context.inventory();
            CacheCatalog catalog = new CacheCatalog(context.registry());
            out.printf("%-60s %-9s %-45s %6s %10s%n", "TAG", "KIND", "LAST WRITE", "READS", "SIZE");
            for (ImageRef repo : repositories(context, repos)) {
              for (CacheEntry entry : catalog.list(repo, inventory)) {
                out.printf(
                    "%-60s %-9s %-45s %6s %10s%n",
                    entry.ref(),
                    entry.kind(),
                    lastWrite(entry.usage()),
                    entry.usage() == null ? "-" : entry.usage().readsSinceWrite(),
                    size(entry.bytes()));
              }
            }
            return 0;
          });
    }

    private static String lastWrite(CacheUsage usage) {
      if (usage == null || usage.lastWrite() == null) {
        return "-";
      }
      return usage.lastWrite().at()
          + " run "
          + usage.lastWrite().runId()
          + " ("
          + usage.lastWrite().trigger()
          + ")";
    }

    private static String size(long bytes) {
      if (bytes < 0) {
        return "?";
      }
      if (bytes < 1024 * 1024) {
        return String.format("%.1f KiB", bytes / 1024.0);
      }
      return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
  }

  /** {@code strata cache evict REF [--reason TEXT] [--force]}. */
  @Command(name = "evict", description = "Delete a cache tag's manifest and record who and why.")
  static final class EvictCommand implements Callable<Integer> {
    @ParentCommand CacheCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        paramLabel = "REF",
        description = "The cache ref, e.g. quay.io/x/ci-cache:cache-cpu-vllm-amd64.")
    String ref;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded).")
    String reason = "evicted by hand";

    @Option(names = "--by", paramLabel = "NAME", description = "Who (default: the OS user).")
    String by = System.getProperty("user.name", "unknown");

    @Option(
        names = "--force",
        description = "Evict although the digest carries other tags (they go too).")
    boolean force;

    @Override
    public Integer call() throws Exception {
      CacheRef cacheRef;
      try {
        cacheRef = CacheRef.parse(ref);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("strata cache evict: " + e.getMessage());
        return EXIT_REFUSED;
      }
      return parent.withContext(
          spec.commandLine(),
          (context, out, err) -> {
            CacheEvictor.Evicted evicted =
                evictor(context).evict(cacheRef, reason, "user:" + by, force);
            out.println("evicted " + evicted.ref() + " (" + evicted.digest() + ")");
            if (!evicted.alsoRemoved().isEmpty()) {
              out.println("  also removed: " + evicted.alsoRemoved());
            }
            return 0;
          });
    }
  }

  /** {@code strata cache gc --older-than 30d [--dry-run] [--repo R]}. */
  @Command(name = "gc", description = "Evict cache tags no build wrote or read for a while.")
  static final class GcCommand implements Callable<Integer> {
    private static final Pattern AGE = Pattern.compile("(\\d+)([dhm])");

    @ParentCommand CacheCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--older-than",
        required = true,
        paramLabel = "AGE",
        description = "e.g. 30d, 12h, 90m.")
    String olderThan;

    @Option(names = "--dry-run", description = "Only say what would be evicted.")
    boolean dryRun;

    @Option(names = "--repo", paramLabel = "REPO", description = "Cache repository (repeatable).")
    List<String> repos;

    @Override
    public Integer call() throws Exception {
      Matcher m = AGE.matcher(olderThan == null ? "" : olderThan.trim());
      if (!m.matches()) {
        spec.commandLine()
            .getErr()
            .println(
                "strata cache gc: invalid --older-than \""
                    + olderThan
                    + "\": write a number and d, h or m, e.g. --older-than 30d");
        return EXIT_REFUSED;
      }
      long n = Long.parseLong(m.group(1));
      Duration age =
          switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
          };
      return parent.withContext(
          spec.commandLine(),
          (context, out, err) -> {
            CacheInventory inventory = context.inventory();
            CacheCollector collector =
                new CacheCollector(new CacheCatalog(context.registry()), evictor(context));
            for (ImageRef repo : repositories(context, repos)) {
              for (CacheCollector.Verdict v :
                  collector.collect(repo, inventory, age, context.clock().instant(), dryRun)) {
                out.println(v.entry().ref() + ": " + v.why());
              }
            }
            return 0;
          });
    }
  }

  static CacheEvictor evictor(CacheContext context) {
    return new CacheEvictor(
        context.registry(), cmd -> context.commands().sendAndWait(cmd), context.clock());
  }
}
