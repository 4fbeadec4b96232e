package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.event.HashChain;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Recomputes the hash chain from the stored canonical payloads, streaming the rows in {@code seq}
 * order, and names the first entry that does not chain: a payload or hash changed behind
 * AgentTrail's back, a row removed (a gap in {@code seq}), or entries cut off the end (the head
 * no longer matches).
 */
@ApplicationScoped
public class JdbcLedgerVerifier {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** The outcome: {@code brokenSeq} and {@code problem} are null when the range verified. */
  public record Verification(boolean verified, long count, String head, Long brokenSeq, String problem) {}

  /** Verifies entries {@code from..to} (inclusive; null means the first or the last entry). */
  @Transactional
  public Verification verify(Long from, Long to) {
    try (Connection c = dataSource.getConnection()) {
      JdbcLedger.Head head = head(c);
      long first = from == null ? 1 : Math.max(1, from);
      long last = to == null ? head.seq() : Math.min(to, head.seq());
      String previous = first == 1 ? HashChain.GENESIS : hashAt(c, first - 1);
      if (previous == null) {
        return new Verification(false, 0, null, first - 1, "entry " + (first - 1) + " is missing");
      }
      long expected = first;
      long count = 0;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT seq, payload, hash FROM event WHERE seq >= ? AND seq <= ? ORDER BY seq")) {
        s.setFetchSize(1000);
        s.setLong(1, first);
        s.setLong(2, last);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long seq = rs.getLong(1);
            if (seq != expected) {
              return new Verification(false, count, previous, expected, "entry " + expected + " is missing");
            }
            String computed = HashChain.next(previous, rs.getString(2));
            if (!computed.equals(rs.getString(3))) {
              return new Verification(false, count, previous, seq,
                  "entry " + seq + " does not match its hash: its content or hash was changed");
            }
            previous = computed;
            expected++;
            count++;
          }
        }
      }
      if (expected <= last) {
        return new Verification(false, count, previous, expected, "entry " + expected + " is missing");
      }
      if (to == null || to >= head.seq()) {
        if (head.seq() > 0 && !previous.equals(head.hash())) {
          return new Verification(false, count, previous, head.seq(), "the ledger head does not match the last entry");
        }
      }
      return new Verification(true, count, previous, null, null);
    } catch (SQLException e) {
      throw new LedgerException("could not verify the ledger", e);
    }
  }

  private static JdbcLedger.Head head(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM ledger_head WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return new JdbcLedger.Head(rs.getLong(1), rs.getString(2));
    }
  }

  private static String hashAt(Connection c, long seq) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT hash FROM event WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
