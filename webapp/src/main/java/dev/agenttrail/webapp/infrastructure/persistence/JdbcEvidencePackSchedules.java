package dev.agenttrail.webapp.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code evidence_pack_schedule} table. {@link #claim} is how a schedule runs once across
 * instances: only the instance whose conditional UPDATE moves {@code next_run} on from the value
 * it read gets a row count of 1.
 */
@ApplicationScoped
public class JdbcEvidencePackSchedules {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** One schedule. {@code lookback} is an ISO 8601 duration: a run at T covers [T - lookback, T). */
  public record ScheduleRow(String id, String name, String cron, String lookback, List<String> frameworks,
      List<String> agents, int retentionDays, boolean paused, Instant nextRun, String createdBy, Instant createdAt,
      Instant updatedAt) {}

  private static final String COLUMNS = "id, name, cron, lookback, frameworks, agents, retention_days, paused, next_run,"
      + " created_by, created_at, updated_at";

  public void insert(ScheduleRow s) {
    update("INSERT INTO evidence_pack_schedule (" + COLUMNS + ", version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        s.id(), s.name(), s.cron(), s.lookback(), String.join(",", s.frameworks()), String.join(",", s.agents()),
        s.retentionDays(), s.paused(), utc(s.nextRun()), s.createdBy(), utc(s.createdAt()), utc(s.updatedAt()));
  }

  /** Replaces a schedule's settings; false if there is no such schedule. */
  public boolean replace(ScheduleRow s) {
    return update("UPDATE evidence_pack_schedule SET name = ?, cron = ?, lookback = ?, frameworks = ?, agents = ?,"
        + " retention_days = ?, paused = ?, next_run = ?, updated_at = ?, version = version + 1 WHERE id = ?",
        s.name(), s.cron(), s.lookback(), String.join(",", s.frameworks()), String.join(",", s.agents()),
        s.retentionDays(), s.paused(), utc(s.nextRun()), utc(s.updatedAt()), s.id()) == 1;
  }

  public boolean delete(String id) {
    return update("DELETE FROM evidence_pack_schedule WHERE id = ?", id) == 1;
  }

  public Optional<ScheduleRow> find(String id) {
    return query("SELECT " + COLUMNS + " FROM evidence_pack_schedule WHERE id = ?", id).stream().findFirst();
  }

  public List<ScheduleRow> list() {
    return query("SELECT " + COLUMNS + " FROM evidence_pack_schedule ORDER BY name, id");
  }

  /** Active schedules whose next run is due at {@code now}. */
  public List<ScheduleRow> due(Instant now) {
    return query("SELECT " + COLUMNS + " FROM evidence_pack_schedule WHERE paused = FALSE AND next_run <= ? ORDER BY next_run, id",
        utc(now));
  }

  /** Moves {@code next_run} from {@code expected} to {@code following}; true only for the one caller that did. */
  public boolean claim(String id, Instant expected, Instant following) {
    return update("UPDATE evidence_pack_schedule SET next_run = ?, version = version + 1"
        + " WHERE id = ? AND next_run = ? AND paused = FALSE", utc(following), id, utc(expected)) == 1;
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new LedgerException("could not update evidence pack schedules", e);
    }
  }

  private List<ScheduleRow> query(String sql, Object... args) {
    List<ScheduleRow> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new ScheduleRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              JdbcEvidencePacks.split(rs.getString(5)), JdbcEvidencePacks.split(rs.getString(6)), rs.getInt(7),
              rs.getBoolean(8), time(rs, 9), rs.getString(10), time(rs, 11), time(rs, 12)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new LedgerException("could not read evidence pack schedules", e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        s.setNull(i + 1, Types.NULL);
      } else {
        s.setObject(i + 1, args[i]);
      }
    }
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : JdbcLedger.utc(instant);
  }

  private static Instant time(ResultSet rs, int column) throws SQLException {
    return JdbcLedger.instant(rs.getObject(column, LocalDateTime.class));
  }
}
