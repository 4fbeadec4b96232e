package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.escalation.EscalationPolicy;
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

/** Escalation policies, in creation order (the first policy that covers a request opens its case). */
@ApplicationScoped
public class JdbcEscalationPolicies {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  /** A stored policy with its timestamps. */
  public record Stored(EscalationPolicy policy, Instant createdAt, Instant updatedAt) {}

  public List<Stored> all() {
    return query("SELECT name, match_json, levels_json, created_at, updated_at FROM escalation_policy ORDER BY created_at, name", null);
  }

  public Optional<Stored> find(String name) {
    return query("SELECT name, match_json, levels_json, created_at, updated_at FROM escalation_policy WHERE name = ?", name)
        .stream().findFirst();
  }

  public void insert(EscalationPolicy p, Instant now) {
    update("INSERT INTO escalation_policy (match_json, levels_json, created_at, updated_at, name) VALUES (?,?,?,?,?)", p, now, true);
  }

  /** @return whether the policy existed */
  public boolean replace(EscalationPolicy p, Instant now) {
    return update("UPDATE escalation_policy SET match_json = ?, levels_json = ?, updated_at = ? WHERE name = ?", p, now, false) == 1;
  }

  public boolean delete(String name) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM escalation_policy WHERE name = ?")) {
      s.setString(1, name);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new LedgerException("could not delete the escalation policy", e);
    }
  }

  private int update(String sql, EscalationPolicy p, Instant now, boolean insert) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      s.setString(i++, EscalationJson.write(p.match()).toString());
      s.setString(i++, EscalationJson.write(p.levels()).toString());
      if (insert) {
        s.setObject(i++, JdbcLedger.utc(now));
      }
      s.setObject(i++, JdbcLedger.utc(now));
      s.setString(i, p.name());
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new LedgerException("could not store the escalation policy", e);
    }
  }

  private List<Stored> query(String sql, String name) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      if (name != null) {
        s.setString(1, name);
      }
      List<Stored> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          EscalationPolicy p = new EscalationPolicy(rs.getString(1), EscalationJson.match(EscalationJson.parse(rs.getString(2))),
              EscalationJson.levels(EscalationJson.parse(rs.getString(3))));
          out.add(new Stored(p, JdbcLedger.instant(rs.getObject(4, java.time.LocalDateTime.class)),
              JdbcLedger.instant(rs.getObject(5, java.time.LocalDateTime.class))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LedgerException("could not read escalation policies", e);
    }
  }
}
