package dev.agenttrail.webapp.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Escalation figures for a period, as SQL aggregates over the case history (steps whose time is in [from, to)). */
@ApplicationScoped
public class JdbcEscalationFigures {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** Decisions taken at one level and how long they took from the start of the level. */
  public record LevelFigures(int level, long decisions, long approvals, long rejections, long averageMillis, long maxMillis,
      long deadlineBreaches) {}

  /** Decisions by one person. */
  public record ApproverFigures(String approver, long approvals, long rejections) {}

  public record Figures(Instant from, Instant to, long opened, long approved, long rejected, long expired, long escalations,
      List<LevelFigures> levels, List<ApproverFigures> approvers) {}

  public Figures figures(Instant from, Instant to) {
    try (Connection c = dataSource.getConnection()) {
      long opened = 0;
      long approved = 0;
      long rejected = 0;
      long expired = 0;
      long escalated = 0;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT kind, COUNT(*) FROM escalation_step WHERE step_at >= ? AND step_at < ? GROUP BY kind")) {
        bind(s, from, to);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long n = rs.getLong(2);
            switch (rs.getString(1)) {
              case "OPENED" -> opened = n;
              case "APPROVED" -> approved = n;
              case "REJECTED" -> rejected = n;
              case "EXPIRED" -> expired = n;
              case "ESCALATED" -> escalated = n;
              default -> { }
            }
          }
        }
      }
      List<LevelFigures> levels = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT level_no,"
          + " SUM(CASE WHEN kind IN ('APPROVED', 'REJECTED') THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN kind = 'APPROVED' THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN kind = 'REJECTED' THEN 1 ELSE 0 END),"
          + " AVG(CASE WHEN kind IN ('APPROVED', 'REJECTED') THEN elapsed_ms END),"
          + " MAX(CASE WHEN kind IN ('APPROVED', 'REJECTED') THEN elapsed_ms END),"
          + " SUM(CASE WHEN deadline_met = FALSE THEN 1 ELSE 0 END)"
          + " FROM escalation_step WHERE step_at >= ? AND step_at < ? AND kind IN ('APPROVED', 'REJECTED', 'ESCALATED', 'EXPIRED')"
          + " GROUP BY level_no ORDER BY level_no")) {
        bind(s, from, to);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            levels.add(new LevelFigures(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), Math.round(rs.getDouble(5)),
                rs.getLong(6), rs.getLong(7)));
          }
        }
      }
      List<ApproverFigures> approvers = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT actor,"
          + " SUM(CASE WHEN kind = 'APPROVED' THEN 1 ELSE 0 END), SUM(CASE WHEN kind = 'REJECTED' THEN 1 ELSE 0 END)"
          + " FROM escalation_step WHERE step_at >= ? AND step_at < ? AND kind IN ('APPROVED', 'REJECTED')"
          + " GROUP BY actor ORDER BY actor")) {
        bind(s, from, to);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            approvers.add(new ApproverFigures(rs.getString(1), rs.getLong(2), rs.getLong(3)));
          }
        }
      }
      return new Figures(from, to, opened, approved, rejected, expired, escalated, levels, approvers);
    } catch (SQLException e) {
      throw new LedgerException("could not compute escalation figures", e);
    }
  }

  private static void bind(PreparedStatement s, Instant from, Instant to) throws SQLException {
    s.setObject(1, JdbcLedger.utc(from));
    s.setObject(2, JdbcLedger.utc(to));
  }
}
