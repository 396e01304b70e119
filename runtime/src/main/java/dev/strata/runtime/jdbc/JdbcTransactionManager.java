package dev.strata.runtime.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon {@link TransactionManager} and {@link ConnectionProvider} over one {@link DataSource}, for
 * running Axon without Spring.
 *
 * <p>A transaction binds one connection (autocommit off) to the calling thread. A transaction
 * started while another one is open on the same thread joins it: only the outermost transaction
 * commits or rolls back, and a rollback of a nested one makes the outermost one roll back too.
 * While a transaction is open, {@link #getConnection()} hands out that connection wrapped so that
 * {@code close()} and {@code commit()} by Axon's JDBC code do nothing. Outside a transaction it
 * hands out a pooled connection in autocommit mode that the caller closes.
 */
public final class JdbcTransactionManager implements TransactionManager, ConnectionProvider {

  private final DataSource dataSource;
  private final ThreadLocal<Bound> current = new ThreadLocal<>();

  /** Creates a transaction manager over {@code dataSource} (ideally a connection pool). */
  public JdbcTransactionManager(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Transaction startTransaction() {
    Bound bound = current.get();
    if (bound != null) {
      bound.depth++;
      return new Nested(bound);
    }
    Connection connection;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new JdbcException(
          "Tried to start a database transaction but failed because: " + e.getMessage(), e);
    }
    bound = new Bound(connection, Thread.currentThread());
    current.set(bound);
    return new Outermost(bound);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Bound bound = current.get();
    if (bound != null) {
      return ConnectionWrapperFactory.wrap(
          bound.connection, new ConnectionWrapperFactory.NoOpCloseHandler());
    }
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(true);
    return connection;
  }

  /** Whether the calling thread has an open transaction. */
  public boolean isTransactionActive() {
    return current.get() != null;
  }

  private static void requireOwner(Bound bound) {
    if (bound.owner != Thread.currentThread()) {
      throw new IllegalStateException(
          "Tried to end a database transaction but failed because: it was started on thread "
              + bound.owner.getName()
              + " and is ended on "
              + Thread.currentThread().getName());
    }
  }

  private void release(Bound bound) {
    current.remove();
    try {
      bound.connection.close();
    } catch (SQLException e) {
      // the connection goes back to the pool; a close failure leaves nothing to undo here
    }
  }

  private static final class Bound {
    private final Connection connection;
    private final Thread owner;
    private int depth = 1;
    private boolean rollbackOnly;

    private Bound(Connection connection, Thread owner) {
      this.connection = connection;
      this.owner = owner;
    }
  }

  private static final class Nested implements Transaction {
    private final Bound bound;
    private boolean done;

    private Nested(Bound bound) {
      this.bound = bound;
    }

    @Override
    public void commit() {
      if (!done) {
        requireOwner(bound);
        done = true;
        bound.depth--;
      }
    }

    @Override
    public void rollback() {
      if (!done) {
        requireOwner(bound);
        done = true;
        bound.depth--;
        bound.rollbackOnly = true;
      }
    }
  }

  private final class Outermost implements Transaction {
    private final Bound bound;
    private boolean done;

    private Outermost(Bound bound) {
      this.bound = bound;
    }

    @Override
    public void commit() {
      if (done) {
        return;
      }
      requireOwner(bound);
      done = true;
      try {
        if (bound.rollbackOnly) {
          bound.connection.rollback();
          throw new IllegalStateException(
              "Tried to commit a database transaction but failed because: a nested transaction"
                  + " was rolled back, so the whole transaction was rolled back");
        }
        bound.connection.commit();
      } catch (SQLException e) {
        rollbackQuietly();
        throw new JdbcException(
            "Tried to commit a database transaction but failed because: " + e.getMessage(), e);
      } finally {
        release(bound);
      }
    }

    @Override
    public void rollback() {
      if (done) {
        return;
      }
      requireOwner(bound);
      done = true;
      try {
        bound.connection.rollback();
      } catch (SQLException e) {
        throw new JdbcException(
            "Tried to roll back a database transaction but failed because: " + e.getMessage(), e);
      } finally {
        release(bound);
      }
    }

    private void rollbackQuietly() {
      try {
        bound.connection.rollback();
      } catch (SQLException ignored) {
        // the commit failure is what the caller needs to see
      }
    }
  }
}
