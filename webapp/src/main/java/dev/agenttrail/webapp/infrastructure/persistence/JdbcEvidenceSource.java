package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.domain.event.HashChain;
import dev.agenttrail.reports.evidence.EvidenceSource;
import dev.agenttrail.reports.evidence.IncidentRecord;
import dev.agenttrail.reports.evidence.LedgerLine;
import dev.agenttrail.reports.evidence.PackScope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What evidence packs read: the ledger entries of a period (streamed in seq order, each with the
 * previous entry's hash), the incidents with their evidence, mappings and history, and the
 * per-day control evidence. Events are selected by {@code occurred_at} in {@code [from, to)};
 * control evidence by UTC day, from the day of {@code from} up to the day {@code to} falls in.
 */
@ApplicationScoped
public class JdbcEvidenceSource implements EvidenceSource {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  @Inject
  JdbcLedgerVerifier verifier;

  @Override
  @Transactional
  public long countEvents(PackScope scope) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM event e WHERE e.occurred_at >= ? AND e.occurred_at < ?"
            + agents("e.agent_id", scope))) {
      bind(s, scope);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new LedgerException("could not count the pack's events", e);
    }
  }

  @Override
  @Transactional
  public void events(PackScope scope, Consumer<LedgerLine> sink) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT e.seq, e.payload, e.hash, e.agent_id, e.type, p.hash FROM event e LEFT JOIN event p ON p.seq = e.seq - 1"
                + " WHERE e.occurred_at >= ? AND e.occurred_at < ?" + agents("e.agent_id", scope) + " ORDER BY e.seq")) {
      s.setFetchSize(1000);
      bind(s, scope);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          String previous = rs.getString(6);
          if (previous == null) {
            previous = seq == 1 ? HashChain.GENESIS : "0".repeat(63) + "1"; // entry seq-1 is missing: the verifier will say so
          }
          sink.accept(new LedgerLine(seq, previous, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new LedgerException("could not read the pack's events", e);
    }
  }

  @Override
  @Transactional
  public List<IncidentRecord> incidents(PackScope scope) {
    List<IncidentRecord> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT id, signal, severity, status, agent_id, source, task, explanation, opened_at, first_seen, last_seen"
              + " FROM incident i WHERE i.opened_at < ? AND i.last_seen >= ?" + agents("i.agent_id", scope) + " ORDER BY id")) {
        s.setObject(1, JdbcLedger.utc(scope.to()));
        s.setObject(2, JdbcLedger.utc(scope.from()));
        bindAgents(s, 3, scope);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), instant(rs, 10), instant(rs, 11)});
          }
        }
      }
      for (Object[] r : rows) {
        long id = (Long) r[0];
        out.add(new IncidentRecord(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
            (String) r[6], (String) r[7], (Instant) r[8], (Instant) r[9], (Instant) r[10], evidence(c, id), mappings(c, id),
            history(c, id)));
      }
      return out;
    } catch (SQLException e) {
      throw new LedgerException("could not read the pack's incidents", e);
    }
  }

  @Override
  @Transactional
  public Map<ControlId, Long> controlEvidence(PackScope scope) {
    LocalDate first = LocalDate.ofInstant(scope.from(), ZoneOffset.UTC);
    LocalDate end = LocalDate.ofInstant(scope.to(), ZoneOffset.UTC);
    if (!end.atStartOfDay(ZoneOffset.UTC).toInstant().equals(scope.to())) {
      end = end.plusDays(1);
    }
    Map<ControlId, Long> out = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT control_id, SUM(events) FROM control_evidence ce"
            + " WHERE ce.day_utc >= ? AND ce.day_utc < ?" + agents("ce.agent_id", scope) + " GROUP BY control_id")) {
      s.setDate(1, Date.valueOf(first));
      s.setDate(2, Date.valueOf(end));
      bindAgents(s, 3, scope);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          try {
            out.put(ControlId.of(rs.getString(1)), rs.getLong(2));
          } catch (IllegalArgumentException e) {
            // a control id the catalog cannot name counts for nothing
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LedgerException("could not read control evidence", e);
    }
  }

  @Override
  public LedgerCheck verifyLedger() {
    JdbcLedgerVerifier.Verification v = verifier.verify(null, null);
    return new LedgerCheck(v.verified(), v.count(), v.head(), v.problem());
  }

  private static List<Long> evidence(Connection c, long id) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT seq FROM incident_evidence WHERE incident_id = ? ORDER BY seq")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
    }
    return seqs;
  }

  private static List<IncidentRecord.MappingRow> mappings(Connection c, long id) throws SQLException {
    List<IncidentRecord.MappingRow> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT framework, framework_version, entry, provenance, rationale"
        + " FROM incident_mapping WHERE incident_id = ? ORDER BY framework, entry")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new IncidentRecord.MappingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
      }
    }
    return rows;
  }

  private static List<IncidentRecord.Transition> history(Connection c, long id) throws SQLException {
    List<IncidentRecord.Transition> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT changed_at, actor, from_status, to_status, reason"
        + " FROM incident_transition WHERE incident_id = ? ORDER BY id")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new IncidentRecord.Transition(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
      }
    }
    return rows;
  }

  private static String agents(String column, PackScope scope) {
    return scope.allAgents() ? "" : " AND " + column + " IN (" + String.join(",", Collections.nCopies(scope.agents().size(), "?")) + ")";
  }

  private static void bind(PreparedStatement s, PackScope scope) throws SQLException {
    s.setObject(1, JdbcLedger.utc(scope.from()));
    s.setObject(2, JdbcLedger.utc(scope.to()));
    bindAgents(s, 3, scope);
  }

  private static void bindAgents(PreparedStatement s, int first, PackScope scope) throws SQLException {
    for (int i = 0; i < scope.agents().size(); i++) {
      s.setString(first + i, scope.agents().get(i));
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return JdbcLedger.instant(rs.getObject(column, LocalDateTime.class));
  }
}
