package dev.agenttrail.webapp.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

  @Test
  void shouldLeaveNoQueryTimeoutOnThePooledConnectionItProbed() throws Exception {
    // a pool of one connection: the probe's connection is the next caller's
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1", "sa", "");
    pool.setMaxConnections(1);
    try {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE ledger_head (id INT PRIMARY KEY, seq BIGINT, hash CHAR(64))");
        s.execute("INSERT INTO ledger_head VALUES (1, 42, '" + "0".repeat(64) + "')");
      }
      DatabaseReadiness readiness = new DatabaseReadiness();
      readiness.dataSource = pool;

      assertThat(readiness.ledgerSeq()).isEqualTo(42);
      try (Connection next = pool.getConnection(); Statement s = next.createStatement()) {
        assertThat(s.getQueryTimeout()).as("the next caller of this connection has no timeout").isZero();
      }
    } finally {
      pool.dispose();
    }
  }
}
