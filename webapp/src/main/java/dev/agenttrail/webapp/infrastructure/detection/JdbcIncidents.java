package dev.agenttrail.webapp.infrastructure.detection;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads incidents, newest first with keyset pagination, and records their lifecycle transitions. */
@ApplicationScoped
public class JdbcIncidents {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** Filters of {@code GET /api/v1/incidents}; null means any. {@code before} is the cursor's id. */
  public record Filter(String status, String severity, String signal, String framework, String entry, String agent,
      String source, Instant from, Instant to, Long before) {}

  /** An incident's row. */
  public record Incident(long id, String signal, String agentId, String source, String task, String severity, String status,
      String explanation, String blockCause, Instant openedAt, Instant updatedAt, Instant firstSeen, Instant lastSeen,
      int evidenceCount, Instant acceptedUntil, String catalogVersion) {}

  public record Evidence(long seq, String source, String eventId, String type, Instant occurredAt) {}

  public record MappingRow(String framework, String frameworkVersion, String entry, String provenance, String rationale) {}

  public record Transition(Instant at, String actor, String from, String to, String reason, Instant expiresAt) {}

  private static final String COLUMNS = "i.id, i.signal, i.agent_id, i.source, i.task, i.severity, i.status, i.explanation,"
      + " i.block_cause, i.opened_at, i.updated_at, i.first_seen, i.last_seen, i.evidence_count, i.accepted_until, i.catalog_version";

  public List<Incident> find(Filter f, int limit) {
    return page(f, 0, limit, "id", false);
  }

  /** The columns a page may be sorted by, as the dashboard names them. */
  public static final java.util.Map<String, String> SORTABLE = java.util.Map.of("id", "i.id", "lastSeen", "i.last_seen",
      "openedAt", "i.opened_at", "evidenceCount", "i.evidence_count", "severity", "CASE i.severity WHEN 'CRITICAL' THEN 4"
      + " WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END", "signal", "i.signal", "status", "i.status");

  /** One page by offset, sorted by one of {@link #SORTABLE} (then by id), for the dashboard's table. */
  public List<Incident> page(Filter f, int offset, int limit, String sort, boolean ascending) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incident i WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    filter(sql, args, f);
    String column = SORTABLE.getOrDefault(sort, "i.id");
    String direction = ascending ? " ASC" : " DESC";
    sql.append(" ORDER BY ").append(column).append(direction).append(column.equals("i.id") ? "" : ", i.id" + direction)
        .append(" LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    return rows(sql.toString(), "incidents", JdbcIncidents::row, args.toArray());
  }


  public int count(Filter f) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM incident i WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    filter(sql, args, f);
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
      Sql.bind(s, args.toArray());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new DetectionStoreException("could not count incidents", e);
    }
  }

  /** Open and acknowledged incidents by severity (uppercase names), from the status index. */
  public java.util.Map<String, Integer> activeBySeverity() {
    java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (String severity : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
      out.put(severity, 0);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT severity, COUNT(*) FROM incident WHERE status IN ('open', 'acknowledged')"
            + " GROUP BY severity");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
      return out;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not count incidents", e);
    }
  }

  /**
   * What coverage needs of the incidents active now (open or acknowledged) whose evidence reaches
   * into the period since {@code since}: id, signal and mapped entries. One query over the status index.
   */
  public List<dev.agenttrail.domain.coverage.IncidentFacts> activeFacts(Instant since) {
    java.util.Map<Long, Object[]> byId = new java.util.LinkedHashMap<>();
    // thousands of incidents share a few dozen mapped entries: one reference each
    java.util.Map<String, dev.agenttrail.catalog.api.EntryRef> refsSeen = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT i.id, i.signal, i.status, m.framework, m.framework_version, m.entry"
            + " FROM incident i LEFT JOIN incident_mapping m ON m.incident_id = i.id"
            + " WHERE i.status IN ('open', 'acknowledged') AND i.last_seen >= ? ORDER BY i.id")) {
      Sql.bind(s, since);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Object[] row = byId.computeIfAbsent(rs.getLong(1), id -> new Object[] {rs_(rs, 2), rs_(rs, 3), new ArrayList<>()});
          if (rs.getString(4) != null) {
            @SuppressWarnings("unchecked")
            List<dev.agenttrail.catalog.api.EntryRef> refs = (List<dev.agenttrail.catalog.api.EntryRef>) row[2];
            String framework = rs.getString(4);
            String version = rs.getString(5);
            String entry = rs.getString(6);
            refs.add(refsSeen.computeIfAbsent(framework + "@" + version + ":" + entry,
                k -> dev.agenttrail.catalog.api.EntryRef.of(framework, version, entry)));
          }
        }
      }
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read incidents for coverage", e);
    }
    List<dev.agenttrail.domain.coverage.IncidentFacts> out = new ArrayList<>();
    byId.forEach((id, row) -> {
      @SuppressWarnings("unchecked")
      List<dev.agenttrail.catalog.api.EntryRef> refs = (List<dev.agenttrail.catalog.api.EntryRef>) row[2];
      out.add(new dev.agenttrail.domain.coverage.IncidentFacts(id, dev.agenttrail.catalog.api.SignalId.of((String) row[0]),
          (String) row[1], refs));
    });
    return out;
  }

  private static String rs_(ResultSet rs, int column) {
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read incidents for coverage", e);
    }
  }

  private static void filter(StringBuilder sql, List<Object> args, Filter f) {
    where(sql, args, "i.status = ?", f.status());
    where(sql, args, "i.severity = ?", f.severity());
    where(sql, args, "i.signal = ?", f.signal());
    where(sql, args, "i.agent_id = ?", f.agent());
    where(sql, args, "i.source = ?", f.source());
    where(sql, args, "i.last_seen >= ?", f.from());
    where(sql, args, "i.first_seen < ?", f.to());
    where(sql, args, "i.id < ?", f.before());
    if (f.framework() != null || f.entry() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM incident_mapping m WHERE m.incident_id = i.id");
      if (f.framework() != null) {
        sql.append(" AND m.framework = ?");
        args.add(f.framework());
      }
      if (f.entry() != null) {
        sql.append(" AND m.entry = ?");
        args.add(f.entry());
      }
      sql.append(")");
    }
  }

  public Optional<Incident> get(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM incident i WHERE i.id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read an incident", e);
    }
  }

  /**
   * The incident's evidence, in ledger order, at most {@code limit} entries. The entries are picked
   * from the evidence's key first and then looked up by {@code seq}: as a join, H2 chose to scan the
   * whole event table and probe the evidence for each row (seconds at a million events).
   */
  public List<Evidence> evidence(long id, int limit) {
    return rows("SELECT e.seq, e.source, e.event_id, e.type, e.occurred_at FROM event e WHERE e.seq IN (SELECT v.seq"
        + " FROM incident_evidence v WHERE v.incident_id = ? ORDER BY v.seq LIMIT ?) ORDER BY e.seq", "an incident's evidence",
        rs -> new Evidence(rs.getLong(1),
        rs.getString(2), rs.getString(3), rs.getString(4), Sql.instant(rs, "occurred_at")), id, limit);
  }


  public List<MappingRow> mappings(long id) {
    return rows("SELECT framework, framework_version, entry, provenance, rationale FROM incident_mapping WHERE incident_id = ?"
        + " ORDER BY framework, entry", "an incident's mappings", rs -> new MappingRow(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5)), id);
  }


  public List<Transition> transitions(long id) {
    return rows("SELECT changed_at, actor, from_status, to_status, reason, expires_at FROM incident_transition"
        + " WHERE incident_id = ? ORDER BY id", "an incident's history", rs -> new Transition(Sql.instant(rs, "changed_at"),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), Sql.instant(rs, "expires_at")), id);
  }


  /** Incidents whose evidence includes the ledger entry {@code seq}. */
  public List<Incident> withEvidence(long seq) {
    return rows("SELECT " + COLUMNS + " FROM incident i JOIN incident_evidence v ON v.incident_id = i.id WHERE v.seq = ?"
        + " ORDER BY i.id", "incidents", JdbcIncidents::row, seq);
  }

  /** Reads one row of a result. */
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The rows of a query with positional arguments; {@code what} names it in the error. */
  private <T> List<T> rows(String sql, String what, RowReader<T> reader, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      Sql.bind(s, args);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read " + what, e);
    }
  }


  /**
   * Moves an incident from {@code from} to {@code to} and records the transition, in the caller's
   * transaction; false if the incident was no longer in {@code from} (someone else moved it).
   */
  public boolean transition(long id, String from, String to, String actor, String reason, Instant acceptedUntil, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("UPDATE incident SET status = ?, accepted_until = ?, updated_at = ?,"
          + " version = version + 1 WHERE id = ? AND status = ?")) {
        Sql.bind(s, to, acceptedUntil, now, id, from);
        if (s.executeUpdate() != 1) {
          return false;
        }
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO incident_transition (incident_id, changed_at, actor, from_status,"
          + " to_status, reason, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        Sql.bind(s, id, now, actor, from, to, IncidentWriter.clip(reason, 2000), acceptedUntil);
        s.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not change an incident", e);
    }
  }

  private static void where(StringBuilder sql, List<Object> args, String clause, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      args.add(value);
    }
  }

  private static Incident row(ResultSet rs) throws SQLException {
    return new Incident(rs.getLong("id"), rs.getString("signal"), rs.getString("agent_id"), rs.getString("source"),
        rs.getString("task"), rs.getString("severity"), rs.getString("status"), rs.getString("explanation"),
        rs.getString("block_cause"), Sql.instant(rs, "opened_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "first_seen"),
        Sql.instant(rs, "last_seen"), rs.getInt("evidence_count"), Sql.instant(rs, "accepted_until"), rs.getString("catalog_version"));
  }
}
