package dev.strata.audit.adapter.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.audit.port.EventLog;
import dev.strata.audit.port.EventLogException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Reads the event table with plain JDBC, page by page in global-index order, inside one read-only
 * repeatable-read transaction (so the pages form one snapshot and no concurrently committed event
 * with a lower index slips between them). Payloads are the JSON Axon's Jackson serializer wrote and
 * are deserialized with the same object mapper, only for wanted types.
 *
 * <p>Pipelined, because deserializing is most of the work: a reader thread fetches rows, a pool
 * deserializes chunks of them in parallel, and the calling thread hands the events to the sink in
 * log order. Faster than Axon's {@code openStream}, which builds messages, tracking tokens and meta
 * data for every event (benchmarks/audit.md).
 */
public final class JdbcEventLog implements EventLog {

  /** Rows per query: large enough that round trips do not matter, small enough to stream. */
  public static final int DEFAULT_PAGE_SIZE = 5_000;

  private static final int CHUNK = 500;
  private static final int CHUNKS_AHEAD = 32;

  private final DataSource dataSource;
  private final ObjectMapper mapper;
  private final int pageSize;
  private final int deserializers;
  private final String description;
  private final String sql;
  private final PayloadTypes types = new PayloadTypes();

  /**
   * A reader over the table {@code schema} describes.
   *
   * @param deserializers threads that deserialize payloads (at least 1)
   * @param description where the store is, without a password, for messages
   */
  public JdbcEventLog(
      DataSource dataSource,
      EventSchema schema,
      ObjectMapper mapper,
      int pageSize,
      int deserializers,
      String description) {
    if (pageSize < 1 || deserializers < 1) {
      throw new IllegalArgumentException(
          "Invalid page size "
              + pageSize
              + " or deserializer count "
              + deserializers
              + ": expected 1 or more");
    }
    this.dataSource = dataSource;
    this.mapper = mapper;
    this.pageSize = pageSize;
    this.deserializers = deserializers;
    this.description = description;
    this.sql =
        "SELECT "
            + schema.globalIndexColumn()
            + ", "
            + schema.payloadTypeColumn()
            + ", "
            + schema.payloadColumn()
            + " FROM "
            + schema.domainEventTable()
            + " WHERE "
            + schema.globalIndexColumn()
            + " > ? ORDER BY "
            + schema.globalIndexColumn()
            + " ASC LIMIT "
            + pageSize;
  }

  @Override
  public long replay(Predicate<Class<?>> wanted, Sink sink) throws EventLogException {
    BlockingQueue<CompletableFuture<Chunk>> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    ExecutorService pool = Executors.newFixedThreadPool(deserializers, daemon("strata-audit-json"));
    Fetcher fetcher = new Fetcher(wanted, chunks, pool);
    Thread reader = daemon("strata-audit-read").newThread(fetcher);
    reader.start();
    long read = 0;
    try {
      while (true) {
        Chunk chunk = chunks.take().get();
        if (chunk.isEnd()) {
          return read;
        }
        for (int i = 0; i < chunk.size(); i++) {
          read++;
          Object payload = chunk.payloads[i];
          if (payload == null) {
            sink.skipped(chunk.indexes[i]);
          } else if (!sink.event(chunk.indexes[i], payload)) {
            return read;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventLogException(
          "Tried to read the event log at " + description + " but failed because: interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new EventLogException(
          cause instanceof ReadFailure
              ? cause.getMessage()
              : "Tried to read the event log at " + description + " but failed because: " + cause,
          cause);
    } finally {
      fetcher.stopped = true;
      reader.interrupt();
      pool.shutdownNow();
    }
  }

  /** Fetches rows on its own thread and queues their deserialization, in order. */
  private final class Fetcher implements Runnable {
    private final Predicate<Class<?>> wanted;
    private final BlockingQueue<CompletableFuture<Chunk>> chunks;
    private final ExecutorService pool;
    volatile boolean stopped;

    Fetcher(
        Predicate<Class<?>> wanted,
        BlockingQueue<CompletableFuture<Chunk>> chunks,
        ExecutorService pool) {
      this.wanted = wanted;
      this.chunks = chunks;
      this.pool = pool;
    }

    @Override
    public void run() {
      long after = -1;
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        c.setReadOnly(true);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setFetchSize(pageSize);
          int rows;
          do {
            s.setLong(1, after);
            rows = 0;
            RawChunk raw = new RawChunk(CHUNK);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next() && !stopped) {
                rows++;
                after = rs.getLong(1);
                Class<?> type = types.resolve(rs.getString(2));
                boolean keep = type != null && wanted.test(type);
                raw.add(after, keep ? type : null, keep ? rs.getBytes(3) : null);
                if (raw.size == CHUNK) {
                  submit(raw);
                  raw = new RawChunk(CHUNK);
                }
              }
            }
            if (raw.size > 0) {
              submit(raw);
            }
          } while (rows == pageSize && !stopped);
        } finally {
          c.rollback();
        }
        put(CompletableFuture.completedFuture(Chunk.END));
      } catch (SQLException e) {
        put(
            CompletableFuture.failedFuture(
                new ReadFailure(
                    "Tried to read the event log at "
                        + description
                        + " after global index "
                        + after
                        + " but failed because: "
                        + e.getMessage(),
                    e)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void submit(RawChunk raw) throws InterruptedException {
      put(CompletableFuture.supplyAsync(() -> decode(raw), pool));
    }

    private void put(CompletableFuture<Chunk> chunk) {
      try {
        while (!stopped && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
          // the consumer is slower; wait unless it stopped
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Chunk decode(RawChunk raw) {
    Object[] payloads = new Object[raw.size];
    for (int i = 0; i < raw.size; i++) {
      if (raw.types[i] != null) {
        try {
          payloads[i] = mapper.readValue(raw.payloads[i], raw.types[i]);
        } catch (java.io.IOException e) {
          throw new ReadFailure(
              "Tried to read event "
                  + raw.indexes[i]
                  + " ("
                  + raw.types[i].getName()
                  + ") from "
                  + description
                  + " but failed because: "
                  + e.getMessage(),
              e);
        }
      }
    }
    return new Chunk(raw.indexes, payloads, raw.size);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String describe() {
    return description;
  }
}
