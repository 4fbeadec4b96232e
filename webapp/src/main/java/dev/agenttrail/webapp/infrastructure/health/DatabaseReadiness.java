package dev.agenttrail.webapp.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the schema is in place (the ledger head can be read). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try {
      return HealthCheckResponse.named("database").up().withData("ledgerSeq", ledgerSeq()).build();
    } catch (Exception e) {
      return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }

  /** The ledger head's seq, read within 5 s. */
  long ledgerSeq() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT seq FROM ledger_head WHERE id = 1")) {
      s.setQueryTimeout(5);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("ledger_head row is missing");
        }
        return rs.getLong(1);
      } finally {
        // H2 keeps a statement's timeout on its session, and the pool hands that connection to the
        // next caller: without this, a ledger verification that took over 5 s after a probe was cancelled.
        s.setQueryTimeout(0);
      }
    }
  }
}
