package dev.agenttrail.webapp.infrastructure.detection;

import dev.agenttrail.domain.escalation.ApprovalRegistry;
import dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus;
import dev.agenttrail.domain.signal.Classification;
import dev.agenttrail.domain.signal.Declaration;
import dev.agenttrail.domain.signal.Directory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Detection's look-ups for one batch, remembered for the batch: workflow declarations and source
 * modes from their tables, approvals from the escalation cases (when escalations are deployed).
 */
final class JdbcDirectory implements Directory {

  private final Connection c;
  private final ApprovalRegistry approvals;
  private final Map<String, Optional<Declaration>> workflows = new HashMap<>();
  private final Map<String, Optional<String>> modes = new HashMap<>();

  JdbcDirectory(Connection connection, ApprovalRegistry approvals) {
    this.c = connection;
    this.approvals = approvals;
  }

  @Override
  public Optional<Declaration> workflow(String agentId, String workflow) {
    return workflows.computeIfAbsent(agentId + "\n" + workflow, k -> read(c, agentId, workflow));
  }

  static Optional<Declaration> read(Connection c, String agentId, String workflow) {
    try (PreparedStatement s = c.prepareStatement("SELECT tools, data_scopes, max_classification, state_changing_allowed"
        + " FROM workflow_declaration WHERE agent_id = ? AND workflow = ?")) {
      s.setString(1, agentId);
      s.setString(2, workflow);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Declaration(WorkflowDeclarations.split(rs.getString(1)), WorkflowDeclarations.split(rs.getString(2)),
            Classification.of(rs.getString(3)), rs.getBoolean(4), null));
      }
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read workflow declarations", e);
    }
  }

  @Override
  public Optional<ApprovalStatus> approval(String source, String approvalId) {
    return approvals == null ? Optional.empty() : approvals.approval(source, approvalId);
  }

  @Override
  public Optional<String> sourceMode(String source) {
    return modes.computeIfAbsent(source, k -> {
      try (PreparedStatement s = c.prepareStatement("SELECT mode FROM source WHERE name = ?")) {
        s.setString(1, source);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.ofNullable(rs.getString(1)).map(m -> m.toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new DetectionStoreException("could not read sources", e);
      }
    });
  }
}
