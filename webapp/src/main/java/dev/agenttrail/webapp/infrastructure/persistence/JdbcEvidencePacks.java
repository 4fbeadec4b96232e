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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code evidence_pack} and {@code evidence_pack_download} tables. Every method commits on its
 * own (no surrounding transaction), so that the generating thread sees the queued row and callers
 * polling a pack see its progress as it is written.
 */
@ApplicationScoped
public class JdbcEvidencePacks {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** One pack row. Lists are stored comma-separated. */
  public record PackRow(String id, String status, int progress, String reason, Instant from, Instant to,
      List<String> frameworks, List<String> agents, String scheduleId, String requestedBy, Instant requestedAt,
      Instant startedAt, Instant finishedAt, Long durationMs, Long events, Long size, String sha256, String filePath,
      Instant expiresAt) {}

  private static final String COLUMNS = "id, status, progress, reason, period_from, period_to, frameworks, agents, schedule_id,"
      + " requested_by, requested_at, started_at, finished_at, duration_ms, events, size_bytes, sha256, file_path, expires_at";

  public void insert(String id, Instant from, Instant to, List<String> frameworks, List<String> agents, String scheduleId,
      String requestedBy, Instant requestedAt, Instant expiresAt) {
    update("INSERT INTO evidence_pack (id, status, progress, period_from, period_to, frameworks, agents, schedule_id,"
        + " requested_by, requested_at, expires_at) VALUES (?, 'queued', 0, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, JdbcLedger.utc(from), JdbcLedger.utc(to), String.join(",", frameworks), String.join(",", agents), scheduleId,
        requestedBy, JdbcLedger.utc(requestedAt), expiresAt == null ? null : JdbcLedger.utc(expiresAt));
  }

  public void started(String id, Instant at) {
    update("UPDATE evidence_pack SET status = 'running', progress = 1, started_at = ? WHERE id = ?", JdbcLedger.utc(at), id);
  }

  public void progress(String id, int percent) {
    update("UPDATE evidence_pack SET progress = ? WHERE id = ? AND progress < ?", percent, id, percent);
  }

  public void done(String id, Instant at, long durationMs, long events, long size, String sha256, String filePath) {
    update("UPDATE evidence_pack SET status = 'done', progress = 100, finished_at = ?, duration_ms = ?, events = ?,"
        + " size_bytes = ?, sha256 = ?, file_path = ? WHERE id = ?", JdbcLedger.utc(at), durationMs, events, size, sha256,
        filePath, id);
  }

  public void failed(String id, Instant at, long durationMs, String reason) {
    update("UPDATE evidence_pack SET status = 'failed', finished_at = ?, duration_ms = ?, reason = ? WHERE id = ?",
        JdbcLedger.utc(at), durationMs, reason.length() > 2000 ? reason.substring(0, 2000) : reason, id);
  }

  public Optional<PackRow> find(String id) {
    List<PackRow> rows = query("SELECT " + COLUMNS + " FROM evidence_pack WHERE id = ?", id);
    return rows.stream().findFirst();
  }

  /** The newest packs first; {@code scheduleId} null lists every pack. */
  public List<PackRow> list(String scheduleId, int limit) {
    return scheduleId == null
        ? query("SELECT " + COLUMNS + " FROM evidence_pack ORDER BY requested_at DESC, id FETCH FIRST " + limit + " ROWS ONLY")
        : query("SELECT " + COLUMNS + " FROM evidence_pack WHERE schedule_id = ? ORDER BY requested_at DESC, id FETCH FIRST "
            + limit + " ROWS ONLY", scheduleId);
  }

  /** Finished packs whose retention ended before {@code now} (never one still being generated). */
  public List<PackRow> expired(Instant now) {
    return query("SELECT " + COLUMNS + " FROM evidence_pack WHERE expires_at IS NOT NULL AND expires_at < ?"
        + " AND status IN ('done', 'failed')", JdbcLedger.utc(now));
  }

  public void delete(String id) {
    update("DELETE FROM evidence_pack WHERE id = ?", id);
  }

  public void recordDownload(String id, String username, Instant at) {
    update("INSERT INTO evidence_pack_download (pack_id, username, downloaded_at) VALUES (?, ?, ?)", id, username,
        JdbcLedger.utc(at));
  }

  /** Who downloaded a pack and when, oldest first. */
  public record Download(String username, Instant at) {}

  public List<Download> downloads(String id) {
    List<Download> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT username, downloaded_at FROM evidence_pack_download WHERE pack_id = ? ORDER BY id")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Download(rs.getString(1), JdbcLedger.instant(rs.getObject(2, LocalDateTime.class))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LedgerException("could not read pack downloads", e);
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new LedgerException("could not update evidence packs", e);
    }
  }

  private List<PackRow> query(String sql, Object... args) {
    List<PackRow> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new PackRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), time(rs, 5), time(rs, 6),
              split(rs.getString(7)), split(rs.getString(8)), rs.getString(9), rs.getString(10), time(rs, 11), time(rs, 12),
              time(rs, 13), number(rs, 14), number(rs, 15), number(rs, 16), rs.getString(17), rs.getString(18), time(rs, 19)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new LedgerException("could not read evidence packs", e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        s.setNull(i + 1, Types.NULL); // PostgreSQL infers the column type
      } else {
        s.setObject(i + 1, args[i]);
      }
    }
  }

  static List<String> split(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
  }

  private static Instant time(ResultSet rs, int column) throws SQLException {
    return JdbcLedger.instant(rs.getObject(column, LocalDateTime.class));
  }

  private static Long number(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
