package dev.strata.it.processes;

import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.testing.TestDatabases;
import dev.strata.runtime.testing.TestDatabases.PostgresSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform as separate processes on one PostgreSQL event store: api-gateway, matrix-service and
 * merge-service each in its own JVM ({@code strata serve --roles <role>}), and builder-agents
 * ({@code strata builder-agent}) attached over the agent API. Everything lives under {@code
 * target/processes/<name>/}: the fixture repository, the settings, each process's work directory
 * and log.
 */
final class ProcessStack implements AutoCloseable {
  static final String CI_TOKEN = "ci-procs-token";
  static final String AGENT_TOKEN = "agent-procs-token";
  static final String ADMIN_TOKEN = "admin-procs-token";
  static final Duration START = Duration.ofMinutes(2);
  private static final Pattern BANNER = Pattern.compile("serving roles \\[");
  private static final Pattern REGISTERED = Pattern.compile("Registered as (agent-[a-z0-9]+)");

  private final Path dir;
  private final PostgresSchema schema;
  private final StackFixture fixture;
  private final int port;
  private final Map<String, String> env = new HashMap<>();
  private final List<StrataProcess> processes = new ArrayList<>();
  private final StoredEvents events;

  private ProcessStack(Path dir, PostgresSchema schema, StackFixture fixture, int port) {
    this.dir = dir;
    this.schema = schema;
    this.fixture = fixture;
    this.port = port;
    this.events = schema == null ? null : new StoredEvents(schema.url());
    if (schema != null) {
      env.put("STRATA_DATABASE_URL", schema.url());
      env.put("STRATA_DATABASE_USER", TestDatabases.postgresUser());
      env.put("STRATA_DATABASE_PASSWORD", TestDatabases.postgresPassword());
    }
    env.put("STRATA_HTTP_PORT", Integer.toString(port));
    env.put("STRATA_TOKENS_CI", CI_TOKEN);
    env.put("STRATA_TOKENS_AGENT", AGENT_TOKEN);
    env.put("STRATA_TOKENS_ADMIN", ADMIN_TOKEN);
    env.put("STRATA_PROCESSORS_FETCH_DELAY_MILLIS", "10");
  }

  /**
   * A stack named {@code name} (its directory under target/processes is emptied first) on a fresh
   * PostgreSQL schema whose tables are created here, before any process races to create them.
   *
   * @param leaseSeconds the gateway's agent lease
   */
  static ProcessStack create(String name, int leaseSeconds) throws Exception {
    return create(name, leaseSeconds, true, ProcessFixture::create);
  }

  /**
   * A stack on {@code fixture} (made in the stack's directory): on a fresh PostgreSQL schema when
   * {@code postgres}, else each process on the embedded H2 default under its own data directory (so
   * only one process may run the roles: {@link #embedded()}).
   */
  static ProcessStack create(
      String name,
      int leaseSeconds,
      boolean postgres,
      java.util.function.Function<Path, ? extends StackFixture> fixture)
      throws Exception {
    Path dir = Path.of("target", "processes", name).toAbsolutePath();
    deleteTree(dir);
    Files.createDirectories(dir);
    PostgresSchema schema = null;
    if (postgres) {
      schema = TestDatabases.freshPostgresSchema();
      try (StrataRuntime store =
          StrataRuntime.builder(schema.config(dir.resolve("store-init")))
              .install(new DomainModule())
              .build()
              .start()) {
        store.health();
      }
    }
    ProcessStack stack = new ProcessStack(dir, schema, fixture.apply(dir), freePort());
    stack.env.put("STRATA_AGENT_LEASE_SECONDS", Integer.toString(leaseSeconds));
    return stack;
  }

  /** The fixture, as the type it was made as. */
  <F extends StackFixture> F fixture() {
    @SuppressWarnings("unchecked")
    F f = (F) fixture;
    return f;
  }

  /** The PostgreSQL event store, read directly (PostgreSQL stacks only). */
  StoredEvents events() {
    if (events == null) {
      throw new IllegalStateException("an H2 stack's store belongs to its process");
    }
    return events;
  }

  URI gatewayUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  GatewayHttp ci() {
    return new GatewayHttp(gatewayUri(), CI_TOKEN);
  }

  StrataProcess gateway() {
    return process("gateway", List.of("serve", "--roles", "gateway"));
  }

  StrataProcess matrix() {
    return process(
        "matrix",
        List.of(
            "serve",
            "--roles",
            "matrix",
            "--profile",
            fixture.profileFile().toString(),
            "--repo",
            fixture.repo().toString()));
  }

  /** Every role in one process ({@code strata serve}), the embedded default. */
  StrataProcess embedded() {
    return process(
        "embedded",
        List.of(
            "serve",
            "--profile",
            fixture.profileFile().toString(),
            "--repo",
            fixture.repo().toString(),
            "--merge-config",
            fixture.mergeFile().toString()));
  }

  StrataProcess merge() {
    return process(
        "merge",
        List.of("serve", "--roles", "merge", "--merge-config", fixture.mergeFile().toString()));
  }

  /** A builder-agent serving the fixture's runner classes. */
  StrataProcess agent(String name, String driver, int parallelism) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "builder-agent",
                "--gateway",
                gatewayUri().toString(),
                "--token",
                AGENT_TOKEN,
                "--driver",
                driver,
                "--parallelism",
                Integer.toString(parallelism),
                "--profile",
                fixture.profileFile().toString(),
                "--repo",
                fixture.repository() + "=" + fixture.repo(),
                "--name",
                name,
                "--workdir",
                dir.resolve(name).resolve("work").toString(),
                "--drain-seconds",
                "0"));
    for (String runnerClass : fixture.runnerClasses()) {
      args.add("--runner-class");
      args.add(runnerClass);
    }
    return process(name, args);
  }

  private StrataProcess process(String name, List<String> args) {
    Map<String, String> processEnv = new HashMap<>(env);
    processEnv.put("STRATA_DATA_DIR", dir.resolve(name).resolve("var").toString());
    StrataProcess p =
        new StrataProcess(
            name, args, processEnv, dir.resolve(name), dir.resolve("logs").resolve(name + ".log"));
    processes.add(p);
    return p;
  }

  /** Starts the processes together, then waits for each one's banner. */
  static void startAll(StrataProcess... started) throws InterruptedException {
    for (StrataProcess p : started) {
      p.start();
    }
    for (StrataProcess p : started) {
      awaitReady(p);
    }
  }

  /** Waits until {@code p} serves (its banner) or, for an agent, has registered. */
  static String awaitReady(StrataProcess p) throws InterruptedException {
    if (p.name().startsWith("agent")) {
      return p.awaitLog(REGISTERED, START);
    }
    return p.awaitLog(BANNER, START);
  }

  /** The agent id the gateway gave {@code agent} when it last registered. */
  static String agentId(StrataProcess agent) throws InterruptedException {
    return agent.awaitLog(REGISTERED, START);
  }

  /** The last lines of every process's log, for a failed test. */
  String logTails(int lines) {
    StringBuilder sb = new StringBuilder();
    for (StrataProcess p : processes) {
      sb.append("\n===== ").append(p.log()).append(" (last ").append(lines).append(" lines)\n");
      try {
        List<String> all = Files.readAllLines(p.log());
        all.subList(Math.max(0, all.size() - lines), all.size())
            .forEach(l -> sb.append(l).append('\n'));
      } catch (IOException e) {
        sb.append("(unreadable: ").append(e).append(")\n");
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws java.sql.SQLException {
    for (StrataProcess p : processes) {
      p.close();
    }
    fixture.close();
    if (schema != null) {
      schema.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
