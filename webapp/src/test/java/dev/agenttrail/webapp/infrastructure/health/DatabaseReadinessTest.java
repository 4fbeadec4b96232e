package dev.agenttrail.webapp.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

  @Test
  void shouldLeaveNoQueryTimeoutOnThePooledConnectionItProbed() throws Exception {
    try (Connection pooled = DriverManager.getConnection("jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1", "sa", "")) {
      try (Statement s = pooled.createStatement()) {
        s.execute("CREATE TABLE ledger_head (id INT PRIMARY KEY, seq BIGINT, hash CHAR(64))");
        s.execute("INSERT INTO ledger_head VALUES (1, 42, '" + "0".repeat(64) + "')");
      }
      DatabaseReadiness readiness = new DatabaseReadiness();
      readiness.dataSource = handingOut(pooled);

      assertThat(readiness.ledgerSeq()).isEqualTo(42);
      try (Statement next = pooled.createStatement()) {
        assertThat(next.getQueryTimeout()).as("the next caller of this connection has no timeout").isZero();
      }
    }
  }

  /** A data source that hands out the one connection as a pool would, ignoring close. */
  private static DataSource handingOut(Connection connection) {
    Connection unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) ->
            method.getName().equals("close") ? null : method.invoke(connection, args));
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return unclosable;
      }

      @Override
      public Connection getConnection(String username, String password) {
        return unclosable;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
