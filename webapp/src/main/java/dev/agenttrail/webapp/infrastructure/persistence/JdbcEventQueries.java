package dev.agenttrail.webapp.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads events back from the ledger, newest (highest {@code seq}) first. */
@ApplicationScoped
public class JdbcEventQueries {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** Filters of {@code GET /api/v1/events}; null means "any". {@code before} is the cursor's seq. */
  public record Filter(String agent, String source, String type, String task, Instant from, Instant to, Long before) {}

  /** One stored event: its ledger position and hash, and the canonical JSON as stored. */
  public record StoredEvent(long seq, String hash, Instant receivedAt, String payload) {}

  /**
   * The first window of sequence numbers a page is looked for in; each further window is four times
   * larger. Small, because H2 reads a whole window and sorts it for {@code ORDER BY seq DESC} (it
   * does not walk the key backwards): 65,536 rows took 50 to 600 ms whenever H2 could not answer from
   * its result cache, which any write to the database clears; 1,024 rows take about a millisecond.
   */
  static final long FIRST_WINDOW = 1_024;

  /**
   * The newest {@code limit} events that match, newest first. The ledger is walked backwards in
   * windows of sequence numbers ({@code seq >= ? AND seq < ?}, from the ledger head or the cursor
   * down), growing fourfold until the page is full or the ledger's start is reached. A window is a
   * range of the primary key, which every database reads cheaply; without one, H2 answered
   * {@code ORDER BY seq DESC LIMIT n} over the whole table by reading and sorting all of it (seconds
   * at a million events), and a filter it has no index for the same way. With an index for the
   * filter (agent) the database may use that within the window. A period is looked up through the
   * time index instead, in one query: given a window as well, H2 read the window's key range rather
   * than the few rows of the period (seconds for an hour a week back).
   */
  public List<StoredEvent> find(Filter f, int limit) {
    try (Connection c = dataSource.getConnection()) {
      if (f.from() != null || f.to() != null) {
        return window(c, f, 1, f.before() != null ? f.before() : Long.MAX_VALUE, limit);
      }
      long upper = f.before() != null ? f.before() : head(c) + 1; // exclusive
      List<StoredEvent> out = new ArrayList<>();
      long window = FIRST_WINDOW;
      while (out.size() < limit && upper > 1) {
        long lower = Math.max(1, upper - window);
        out.addAll(window(c, f, lower, upper, limit - out.size()));
        upper = lower;
        window = Math.min(window * 4, 1L << 40);
      }
      return out;
    } catch (SQLException e) {
      throw new LedgerException("could not query events", e);
    }
  }

  private static long head(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT seq FROM ledger_head WHERE id = 1"); ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The matching events with {@code lower <= seq < upper}, newest first, at most {@code limit}. */
  private static List<StoredEvent> window(Connection c, Filter f, long lower, long upper, int limit) throws SQLException {
    boolean whole = lower <= 1 && upper == Long.MAX_VALUE;
    StringBuilder sql = new StringBuilder("SELECT seq, hash, received_at, payload FROM event WHERE "
        + (whole ? "1 = 1" : lower <= 1 ? "seq < ?" : "seq >= ? AND seq < ?"));
    List<Object> args = new ArrayList<>(whole ? List.of() : lower <= 1 ? List.of(upper) : List.of(lower, upper));
    where(sql, args, "agent_id = ?", f.agent());
    where(sql, args, "source = ?", f.source());
    where(sql, args, "type = ?", f.type());
    where(sql, args, "task = ?", f.task());
    where(sql, args, "occurred_at >= ?", f.from() == null ? null : JdbcLedger.utc(f.from()));
    where(sql, args, "occurred_at < ?", f.to() == null ? null : JdbcLedger.utc(f.to()));
    sql.append(" ORDER BY seq DESC LIMIT ?");
    args.add(limit);
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        s.setObject(i + 1, args.get(i));
      }
      List<StoredEvent> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    }
  }

  public Optional<StoredEvent> get(String source, String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT seq, hash, received_at, payload FROM event WHERE source = ? AND event_id = ?")) {
      s.setString(1, source);
      s.setString(2, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new LedgerException("could not read an event", e);
    }
  }

  private static StoredEvent row(ResultSet rs) throws SQLException {
    return new StoredEvent(rs.getLong(1), rs.getString(2),
        JdbcLedger.instant(rs.getObject(3, LocalDateTime.class)), rs.getString(4));
  }

  private static void where(StringBuilder sql, List<Object> args, String clause, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      args.add(value);
    }
  }
}
