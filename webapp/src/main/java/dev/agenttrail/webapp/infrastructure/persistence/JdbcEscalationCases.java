package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.escalation.ApprovalRequest;
import dev.agenttrail.domain.escalation.CaseState;
import dev.agenttrail.domain.escalation.CaseStep;
import dev.agenttrail.domain.escalation.EscalationCase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Escalation cases and their history, in plain JDBC. A transition is stored with a conditional
 * UPDATE on the version it was computed from: when two instances (or two approvers) act on one case
 * at once, exactly one update matches and the other learns it lost.
 */
@ApplicationScoped
public class JdbcEscalationCases {

  private static final String COLUMNS = "id, policy, levels_json, source, approval_id, event_id, event_seq, agent_id, requester,"
      + " tool, operation, resource, classification, requested_at, opened_at, state, level_no, level_started_at, deadline,"
      + " decided_at, decided_by, reason, approved, version";

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** For tests outside the container. */
  public static JdbcEscalationCases over(DataSource dataSource) {
    JdbcEscalationCases cases = new JdbcEscalationCases();
    cases.dataSource = dataSource;
    return cases;
  }

  /** One page of cases, newest first. */
  public record Page(List<EscalationCase> items, String nextCursor) {}

  public void insert(EscalationCase e) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO escalation_case (" + COLUMNS + ")"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        ApprovalRequest r = e.request();
        s.setString(1, e.id());
        s.setString(2, e.policy());
        s.setString(3, EscalationJson.write(e.levels()).toString());
        s.setString(4, r.source());
        s.setString(5, r.approvalId());
        s.setString(6, r.eventId());
        s.setLong(7, r.eventSeq());
        s.setString(8, r.agentId());
        s.setString(9, r.requester());
        s.setString(10, r.tool());
        s.setString(11, r.operation());
        s.setString(12, r.resource());
        s.setString(13, r.classification());
        s.setObject(14, JdbcLedger.utc(r.occurredAt()));
        s.setObject(15, JdbcLedger.utc(e.openedAt()));
        setMutable(s, 16, e);
        s.setInt(24, 0);
        s.executeUpdate();
      }
      insertSteps(c, e);
    } catch (SQLException ex) {
      throw new LedgerException("could not open the escalation case", ex);
    }
  }

  /**
   * Stores the case's transition if nobody changed the case since it was read.
   *
   * @return false when another transaction got there first (nothing was written)
   */
  public boolean update(EscalationCase e) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("UPDATE escalation_case SET state = ?, level_no = ?, level_started_at = ?,"
          + " deadline = ?, decided_at = ?, decided_by = ?, reason = ?, approved = ?, version = version + 1"
          + " WHERE id = ? AND version = ?")) {
        setMutable(s, 1, e);
        s.setString(9, e.id());
        s.setInt(10, e.version());
        if (s.executeUpdate() != 1) {
          return false;
        }
      }
      insertSteps(c, e);
      return true;
    } catch (SQLException ex) {
      if ("40001".equals(ex.getSQLState()) || ex.getErrorCode() == 90131) {
        return false; // a concurrent update won (serialization failure)
      }
      throw new LedgerException("could not update the escalation case", ex);
    }
  }

  private static void setMutable(PreparedStatement s, int i, EscalationCase e) throws SQLException {
    s.setString(i, e.state().name());
    s.setInt(i + 1, e.level());
    s.setObject(i + 2, JdbcLedger.utc(e.levelStartedAt()));
    s.setObject(i + 3, JdbcLedger.utc(e.deadline()));
    if (e.decidedAt() == null) {
      s.setNull(i + 4, Types.TIMESTAMP);
    } else {
      s.setObject(i + 4, JdbcLedger.utc(e.decidedAt()));
    }
    s.setString(i + 5, e.decidedBy());
    s.setString(i + 6, e.reason());
    s.setBoolean(i + 7, e.approved());
  }

  private static void insertSteps(Connection c, EscalationCase e) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO escalation_step (case_id, kind, level_no, step_at, actor, reason,"
        + " deadline, deadline_met, elapsed_ms) VALUES (?,?,?,?,?,?,?,?,?)")) {
      for (CaseStep step : e.newSteps()) {
        s.setString(1, e.id());
        s.setString(2, step.kind().name());
        s.setInt(3, step.level());
        s.setObject(4, JdbcLedger.utc(step.at()));
        s.setString(5, step.actor());
        s.setString(6, step.reason());
        if (step.deadline() == null) {
          s.setNull(7, Types.TIMESTAMP);
        } else {
          s.setObject(7, JdbcLedger.utc(step.deadline()));
        }
        if (step.deadlineMet() == null) {
          s.setNull(8, Types.BOOLEAN);
        } else {
          s.setBoolean(8, step.deadlineMet());
        }
        s.setLong(9, step.elapsed().toMillis());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The case, locked for the rest of the transaction when {@code lock} (decisions and the timer serialise on it). */
  public Optional<EscalationCase> find(String id, boolean lock) {
    return one("SELECT " + COLUMNS + " FROM escalation_case WHERE id = ?" + (lock ? " FOR UPDATE" : ""), id, null);
  }

  public Optional<EscalationCase> findByApproval(String source, String approvalId) {
    return one("SELECT " + COLUMNS + " FROM escalation_case WHERE source = ? AND approval_id = ?", source, approvalId);
  }

  public Optional<EscalationCase> findByEvent(String source, String eventId) {
    return one("SELECT " + COLUMNS + " FROM escalation_case WHERE source = ? AND event_id = ?", source, eventId);
  }

  private Optional<EscalationCase> one(String sql, String a, String b) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, a);
      if (b != null) {
        s.setString(2, b);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new LedgerException("could not read the escalation case", e);
    }
  }

  /** Cases newest first, optionally of one state, agent and source; {@code after} is a cursor of this method. */
  public Page list(CaseState state, String agent, String source, String after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM escalation_case WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (state != null) {
      sql.append(" AND state = ?");
      args.add(state.name());
    }
    if (agent != null) {
      sql.append(" AND agent_id = ?");
      args.add(agent);
    }
    if (source != null) {
      sql.append(" AND source = ?");
      args.add(source);
    }
    if (after != null) {
      Optional<EscalationCase> last = find(after, false);
      if (last.isPresent()) {
        LocalDateTime at = JdbcLedger.utc(last.get().openedAt());
        sql.append(" AND (opened_at < ? OR (opened_at = ? AND id < ?))");
        args.add(at);
        args.add(at);
        args.add(after);
      }
    }
    sql.append(" ORDER BY opened_at DESC, id DESC");
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        s.setObject(i + 1, args.get(i));
      }
      s.setMaxRows(limit + 1);
      List<EscalationCase> items = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          items.add(read(rs));
        }
      }
      if (items.size() > limit) {
        items = items.subList(0, limit);
        return new Page(List.copyOf(items), items.get(limit - 1).id());
      }
      return new Page(items, null);
    } catch (SQLException e) {
      throw new LedgerException("could not list escalation cases", e);
    }
  }

  /** Ids of pending cases whose deadline passed by {@code now}, oldest deadline first. */
  public List<String> due(Instant now, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT id FROM escalation_case WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'ESCALATED') AND deadline <= ? ORDER BY deadline")) {
      s.setObject(1, JdbcLedger.utc(now));
      s.setMaxRows(limit);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new LedgerException("could not find due escalation cases", e);
    }
  }

  public List<CaseStep> history(String id) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT kind, level_no, step_at, actor, reason, deadline, deadline_met, elapsed_ms FROM escalation_step"
            + " WHERE case_id = ? ORDER BY id")) {
      s.setString(1, id);
      List<CaseStep> steps = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          boolean met = rs.getBoolean(7);
          Boolean deadlineMet = rs.wasNull() ? null : met;
          steps.add(new CaseStep(CaseStep.Kind.valueOf(rs.getString(1)), rs.getInt(2), at(rs, 3), rs.getString(4), rs.getString(5),
              at(rs, 6), deadlineMet, Duration.ofMillis(rs.getLong(8))));
        }
      }
      return steps;
    } catch (SQLException e) {
      throw new LedgerException("could not read the case history", e);
    }
  }

  private static EscalationCase read(ResultSet rs) throws SQLException {
    ApprovalRequest request = new ApprovalRequest(rs.getString("source"), rs.getString("approval_id"), rs.getString("event_id"),
        rs.getLong("event_seq"), rs.getString("agent_id"), rs.getString("requester"), rs.getString("tool"),
        rs.getString("operation"), rs.getString("resource"), rs.getString("classification"), at(rs, "requested_at"));
    return EscalationCase.restore(rs.getString("id"), rs.getString("policy"),
        EscalationJson.levels(EscalationJson.parse(rs.getString("levels_json"))), request, at(rs, "opened_at"),
        CaseState.valueOf(rs.getString("state")), rs.getInt("level_no"), at(rs, "level_started_at"), at(rs, "deadline"),
        at(rs, "decided_at"), rs.getString("decided_by"), rs.getString("reason"), rs.getBoolean("approved"), rs.getInt("version"));
  }

  private static Instant at(ResultSet rs, String column) throws SQLException {
    return JdbcLedger.instant(rs.getObject(column, LocalDateTime.class));
  }

  private static Instant at(ResultSet rs, int column) throws SQLException {
    return JdbcLedger.instant(rs.getObject(column, LocalDateTime.class));
  }
}
