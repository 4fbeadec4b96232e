package dev.agenttrail.webapp.infrastructure.detection;

import dev.agenttrail.domain.signal.Classification;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Workflow declarations registered per agent and workflow; detection reads them by the same key. */
@ApplicationScoped
public class WorkflowDeclarations {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** A registered declaration. */
  public record Workflow(String agentId, String workflow, Set<String> tools, Set<String> dataScopes,
      Classification maxClassification, boolean stateChangingAllowed, Instant updatedAt, String updatedBy) {}

  /** Stored one per line: tool names and scopes cannot hold a line break (the REST edge checks). */
  static Set<String> split(String lines) {
    Set<String> out = new LinkedHashSet<>();
    if (lines != null && !lines.isEmpty()) {
      out.addAll(Arrays.asList(lines.split("\n")));
    }
    return out;
  }

  /** Creates or replaces a declaration; true if it was new. */
  public boolean save(Workflow w) {
    try (Connection c = dataSource.getConnection()) {
      boolean exists;
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM workflow_declaration WHERE agent_id = ? AND workflow = ?")) {
        Sql.bind(s, w.agentId(), w.workflow());
        try (ResultSet rs = s.executeQuery()) {
          exists = rs.next();
        }
      }
      try (PreparedStatement s = c.prepareStatement(Sql.upsert(c, "workflow_declaration",
          "agent_id, workflow, tools, data_scopes, max_classification, state_changing_allowed, updated_at, updated_by", 2))) {
        Sql.bind(s, w.agentId(), w.workflow(), String.join("\n", w.tools()), String.join("\n", w.dataScopes()),
            w.maxClassification() == null ? null : w.maxClassification().wireName(), w.stateChangingAllowed(), w.updatedAt(),
            w.updatedBy());
        s.executeUpdate();
      }
      return !exists;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not save a workflow declaration", e);
    }
  }

  public List<Workflow> find(String agentId) {
    String sql = "SELECT agent_id, workflow, tools, data_scopes, max_classification, state_changing_allowed, updated_at, updated_by"
        + " FROM workflow_declaration" + (agentId == null ? "" : " WHERE agent_id = ?") + " ORDER BY agent_id, workflow LIMIT 1000";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      if (agentId != null) {
        s.setString(1, agentId);
      }
      List<Workflow> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Workflow(rs.getString(1), rs.getString(2), split(rs.getString(3)), split(rs.getString(4)),
              Classification.of(rs.getString(5)), rs.getBoolean(6), Sql.instant(rs, "updated_at"), rs.getString(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read workflow declarations", e);
    }
  }

  public boolean delete(String agentId, String workflow) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM workflow_declaration WHERE agent_id = ? AND workflow = ?")) {
      Sql.bind(s, agentId, workflow);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not delete a workflow declaration", e);
    }
  }
}
