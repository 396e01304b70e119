package dev.strata.it.processes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.runtime.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the shared PostgreSQL event store directly (the authoritative record every process appends
 * to), in global order: what the tests count.
 */
final class StoredEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored event: its type's simple name and its payload. */
  record Row(long index, String aggregate, String type, JsonNode payload) {
    String text(String field) {
      JsonNode n = payload.path(field);
      return n.has("value") ? n.get("value").asText() : n.asText();
    }
  }

  private final String url;

  StoredEvents(String url) {
    this.url = url;
  }

  /** Every event, oldest first. */
  List<Row> all() {
    return query(
        "SELECT globalindex, aggregateidentifier, payloadtype, payload FROM"
            + " domainevententry ORDER BY globalindex");
  }

  /** The events of type {@code simpleName}, oldest first. */
  List<Row> ofType(String simpleName) {
    return all().stream().filter(r -> r.type().equals(simpleName)).toList();
  }

  /** The events of one run, oldest first. */
  List<Row> ofRun(String runId) {
    return all().stream().filter(r -> r.aggregate().equals(runId)).toList();
  }

  /** The processor's stored token, as text; empty when it has none. */
  Optional<String> token(String processor) {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("SELECT token FROM tokenentry WHERE processorname = ?")) {
      s.setString(1, processor);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && rs.getBytes(1) != null) {
          return Optional.of(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Tried to read the token of " + processor + ": " + e, e);
    }
  }

  /** Waits until some event satisfies {@code test}; returns it. */
  Row await(String what, Predicate<Row> test, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Row> hit = all().stream().filter(test).findFirst();
      if (hit.isPresent()) {
        return hit.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " in the event store within " + timeout);
      }
      Thread.sleep(200);
    }
  }

  /** Waits until at least {@code n} events satisfy {@code test}. */
  List<Row> awaitCount(String what, Predicate<Row> test, int n, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Row> hits = all().stream().filter(test).toList();
      if (hits.size() >= n) {
        return hits;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "only " + hits.size() + " of " + n + " " + what + " within " + timeout);
      }
      Thread.sleep(200);
    }
  }

  private List<Row> query(String sql) {
    List<Row> rows = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String type = rs.getString(3);
        rows.add(
            new Row(
                rs.getLong(1),
                rs.getString(2),
                type.substring(type.lastIndexOf('.') + 1),
                JSON.readTree(rs.getBytes(4))));
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return rows; // no process has created the tables yet
      }
      throw new IllegalStateException("Tried to read the event store at " + url + ": " + e, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        url, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
  }
}
