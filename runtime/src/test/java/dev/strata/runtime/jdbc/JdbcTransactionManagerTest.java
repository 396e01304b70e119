package dev.strata.runtime.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.axonframework.common.transaction.Transaction;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTransactionManagerTest {

  private JdbcDataSource dataSource;
  private Connection keepAlive;
  private JdbcTransactionManager tx;

  @BeforeEach
  void createTable() throws SQLException {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:tx-" + System.nanoTime() + ";LOCK_TIMEOUT=100");
    keepAlive = dataSource.getConnection();
    try (Statement s = keepAlive.createStatement()) {
      s.execute("CREATE TABLE t (v INT)");
    }
    tx = new JdbcTransactionManager(dataSource);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    keepAlive.close();
  }

  @Test
  void nestedTransaction_joinsTheOuterConnection() throws SQLException {
    Transaction outer = tx.startTransaction();
    Connection outerConnection = tx.getConnection();
    Transaction inner = tx.startTransaction();
    Connection innerConnection = tx.getConnection();

    assertThat(unwrapped(innerConnection)).isSameAs(unwrapped(outerConnection));
    assertThat(outerConnection.getAutoCommit()).isFalse();
    inner.commit();
    outer.commit();
    assertThat(tx.isTransactionActive()).isFalse();
  }

  @Test
  void innerCommit_commitsNothingUntilTheOutermostCommits() throws SQLException {
    Transaction outer = tx.startTransaction();
    Transaction inner = tx.startTransaction();
    insert(1);
    inner.commit();

    assertThat(committedCount()).as("visible after inner commit").isZero();
    outer.commit();
    assertThat(committedCount()).as("visible after outer commit").isEqualTo(1);
  }

  @Test
  void outerRollback_discardsWhatTheNestedTransactionWrote() throws SQLException {
    Transaction outer = tx.startTransaction();
    tx.executeInTransaction(() -> insert(1));
    outer.rollback();

    assertThat(committedCount()).isZero();
    assertThat(tx.isTransactionActive()).isFalse();
  }

  @Test
  void nestedRollback_makesTheOutermostCommitRollBackAndFail() throws SQLException {
    Transaction outer = tx.startTransaction();
    insert(1);
    assertThatThrownBy(
            () ->
                tx.executeInTransaction(
                    () -> {
                      insert(2);
                      throw new IllegalStateException("handler failed");
                    }))
        .hasMessage("handler failed");

    assertThatThrownBy(outer::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a nested transaction was rolled back");
    assertThat(committedCount()).isZero();
    assertThat(tx.isTransactionActive()).isFalse();
  }

  @Test
  void closeAndCommitByAxonCode_doNotEndTheBoundTransaction() throws SQLException {
    Transaction outer = tx.startTransaction();
    Connection connection = tx.getConnection();
    insert(1);
    connection.commit();
    connection.close();

    assertThat(committedCount()).isZero();
    assertThat(tx.getConnection().isClosed()).isFalse();
    outer.commit();
    assertThat(committedCount()).isEqualTo(1);
  }

  @Test
  void connectionOutsideATransaction_autocommits() throws SQLException {
    try (Connection c = tx.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t VALUES (1)");
    }

    assertThat(committedCount()).isEqualTo(1);
  }

  @Test
  void transactionsOnOtherThreads_areIndependent() throws Exception {
    Transaction mine = tx.startTransaction();
    insert(1);

    CompletableFuture.runAsync(() -> tx.executeInTransaction(() -> insert(2))).get();

    assertThat(committedCount()).as("the other thread committed alone").isEqualTo(1);
    mine.rollback();
    assertThat(committedCount()).isEqualTo(1);
  }

  @Test
  void endingOnAnotherThread_isRefused() throws Exception {
    Transaction mine = tx.startTransaction();

    assertThatThrownBy(() -> CompletableFuture.runAsync(mine::commit).join())
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it was started on thread");
    mine.rollback();
  }

  private void insert(int value) {
    try (Connection c = tx.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t VALUES (" + value + ")");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int committedCount() throws SQLException {
    try (Statement s = keepAlive.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Connection unwrapped(Connection c) throws SQLException {
    return c.unwrap(Connection.class);
  }
}
