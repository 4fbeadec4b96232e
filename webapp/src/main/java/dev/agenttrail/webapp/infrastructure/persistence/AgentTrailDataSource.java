package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.webapp.infrastructure.config.Settings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The physical datasource behind the container's connection pool. It reads {@code AGENTTRAIL_DB_URL},
 * {@code AGENTTRAIL_DB_USER} and {@code AGENTTRAIL_DB_PASSWORD} itself when the pool opens its first
 * connection, so the same war runs on the embedded H2 file database (no URL set: a file under
 * {@code AGENTTRAIL_DATA_DIR}) or on PostgreSQL (a {@code jdbc:postgresql:} URL) without a rebuild.
 * Reading the settings here avoids relying on the order in which Payara resolves annotation values
 * and the war's configuration.
 */
public class AgentTrailDataSource implements DataSource {

  private volatile Target target;
  private PrintWriter logWriter;
  private int loginTimeout;

  /** The URL, user and password in force, and the driver that serves the URL. */
  record Target(String url, Properties credentials, Driver driver) {}

  static Target resolve() {
    String url = Settings.get("AGENTTRAIL_DB_URL").orElseGet(AgentTrailDataSource::embeddedUrl);
    Properties credentials = new Properties();
    credentials.setProperty("user", Settings.get("AGENTTRAIL_DB_USER", url.startsWith("jdbc:h2:") ? "agenttrail" : ""));
    credentials.setProperty("password", Settings.get("AGENTTRAIL_DB_PASSWORD", ""));
    Driver driver;
    if (url.startsWith("jdbc:postgresql:")) {
      driver = new org.postgresql.Driver();
      credentials.setProperty("reWriteBatchedInserts", "true");
      // Plan each execution with its own values: a plan cached while the event table was small
      // (sequential scans) would otherwise stay in use as it grows.
      credentials.setProperty("options", "-c plan_cache_mode=force_custom_plan");
    } else if (url.startsWith("jdbc:h2:")) {
      driver = new org.h2.Driver();
      url = cached(durable(url), Runtime.getRuntime().maxMemory());
    } else {
      throw new IllegalStateException("AGENTTRAIL_DB_URL must start with jdbc:postgresql: or jdbc:h2:");
    }
    return new Target(url, credentials, driver);
  }

  static String embeddedUrl() {
    return "jdbc:h2:file:" + Settings.dataDir().resolve("db").resolve("agenttrail")
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000";
  }

  /**
   * An H2 URL that writes every commit to the file before the commit returns. H2's default writes
   * commits up to a second later from a background thread, so a process killed right after a 202
   * lost events it had acknowledged. (The file is written, not forced to the device: a killed
   * process loses nothing; a power cut can lose what the operating system had not written yet.
   * PostgreSQL forces its log at every commit.) A URL that sets WRITE_DELAY itself is left alone.
   * Public for the ingest benchmark, whose raw H2 ceiling runs with the same settings.
   */
  public static String durable(String h2Url) {
    return h2Url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=") ? h2Url : h2Url + ";WRITE_DELAY=0";
  }

  /**
   * An H2 URL whose page cache is a sixteenth of the heap, between H2's default 16 MiB and 64 MiB
   * (64 MiB with the launcher's 1 GiB heap). The cache lives on the heap, and during ingest it most
   * likely keeps the pages just written long enough for them to outlive the garbage collector's
   * young collections and fill the old generation. Over 22 rounds of the ingest benchmark, 16 to
   * 64 MiB halved the collector's pauses against an eighth of the heap (128 MiB, the setting
   * before) and lowered the median p99 from 262 to 230 ms at the same rate (docs/benchmarks.md,
   * "H2's page cache"). Smaller than H2's default, the indexes of a large ledger would be read back
   * from the file at every commit. A URL that sets CACHE_SIZE is left alone.
   */
  public static String cached(String h2Url, long maxHeapBytes) {
    if (h2Url.toUpperCase(java.util.Locale.ROOT).contains(";CACHE_SIZE=")) {
      return h2Url;
    }
    long kib = Math.max(16 * 1024, Math.min(64 * 1024, maxHeapBytes / 16 / 1024));
    return h2Url + ";CACHE_SIZE=" + kib;
  }

  static boolean isPostgres() {
    return Settings.get("AGENTTRAIL_DB_URL").map(u -> u.startsWith("jdbc:postgresql:")).orElse(false);
  }

  private Target target() {
    Target t = target;
    if (t == null) {
      synchronized (this) {
        if (target == null) {
          target = resolve();
        }
        t = target;
      }
    }
    return t;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Target t = target();
    Connection c = t.driver().connect(t.url(), t.credentials());
    if (c == null) {
      throw new SQLException("no driver accepts the database URL");
    }
    return c;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
