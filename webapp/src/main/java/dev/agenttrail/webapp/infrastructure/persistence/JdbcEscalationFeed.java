package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.escalation.CaseStep;
import dev.agenttrail.domain.escalation.EscalationLevel;
import dev.agenttrail.reports.evidence.EscalationCase;
import dev.agenttrail.reports.evidence.EscalationFeed;
import dev.agenttrail.reports.evidence.PackScope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The escalation cases an evidence pack reports: those opened in the period (for the pack's agents),
 * each with the levels it reached (approvers, when, deadline) and how it ended, from the case and
 * its recorded steps.
 */
@ApplicationScoped
public class JdbcEscalationFeed implements EscalationFeed {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  @Inject
  JdbcEscalationCases cases;

  @Override
  public List<EscalationCase> cases(PackScope scope) {
    List<String> ids = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT id FROM escalation_case WHERE opened_at >= ? AND opened_at < ?");
    if (!scope.allAgents()) {
      sql.append(" AND agent_id IN (").append("?, ".repeat(scope.agents().size() - 1)).append("?)");
    }
    sql.append(" ORDER BY opened_at, id");
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
      s.setObject(1, JdbcLedger.utc(scope.from()));
      s.setObject(2, JdbcLedger.utc(scope.to()));
      if (!scope.allAgents()) {
        for (int i = 0; i < scope.agents().size(); i++) {
          s.setString(i + 3, scope.agents().get(i));
        }
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new LedgerException("could not read escalation cases", e);
    }
    List<EscalationCase> out = new ArrayList<>();
    for (String id : ids) {
      cases.find(id, false).ifPresent(e -> out.add(describe(e, cases.history(id))));
    }
    return out;
  }

  static EscalationCase describe(dev.agenttrail.domain.escalation.EscalationCase e, List<CaseStep> steps) {
    List<EscalationCase.Level> levels = new ArrayList<>();
    java.time.Instant decidedAt = null;
    String decider = null;
    String decision = null;
    for (CaseStep step : steps) {
      switch (step.kind()) {
        case OPENED, ESCALATED -> {
          EscalationLevel level = e.levels().get(Math.max(0, Math.min(e.levels().size(), step.level()) - 1));
          levels.add(new EscalationCase.Level(step.level(), level.approvers().stream().map(Object::toString).toList(),
              step.at(), step.deadline()));
        }
        case APPROVED, REJECTED, EXPIRED -> {
          decidedAt = step.at();
          decider = step.actor();
          decision = step.kind().wireName();
        }
        default -> {
          // acknowledged and closed do not decide
        }
      }
    }
    String action = e.request().tool() == null ? "" : e.request().tool()
        + (e.request().operation() == null ? "" : " (" + e.request().operation() + ")");
    return new EscalationCase(e.id(), e.request().agentId(), action, e.state().wireName(), e.openedAt(), decidedAt, decider,
        decision, levels);
  }
}
