package dev.agenttrail.webapp.infrastructure.persistence;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with AgentTrail's migrations applied, for JDBC store tests. */
public final class H2Schema {

  private H2Schema() {}

  public static DataSource migrated() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure(H2Schema.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }

  public static JdbcEvidencePacks packs(DataSource ds) {
    JdbcEvidencePacks store = new JdbcEvidencePacks();
    store.dataSource = ds;
    return store;
  }

  public static JdbcEvidencePackSchedules schedules(DataSource ds) {
    JdbcEvidencePackSchedules store = new JdbcEvidencePackSchedules();
    store.dataSource = ds;
    return store;
  }
}
