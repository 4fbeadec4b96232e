package dev.agenttrail.webapp.infrastructure.detection;

import dev.agenttrail.domain.signal.Thresholds;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/** The signal thresholds in force (SIGNALS.md's defaults, changed where an admin changed them). */
@ApplicationScoped
public class SignalSettings {

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  public Thresholds current() {
    try (Connection c = dataSource.getConnection()) {
      return DetectionRunner.thresholds(c);
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read signal thresholds", e);
    }
  }

  /**
   * Changes thresholds by name; detection uses them from its next step.
   *
   * @throws IllegalArgumentException naming the threshold, if a name is unknown or a value invalid
   */
  public Thresholds change(Map<String, String> changes, String by, Instant now) {
    Thresholds updated = current().with(changes);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(Sql.upsert(c, "signal_threshold", "name, threshold, updated_at, updated_by", 1))) {
      for (Map.Entry<String, String> change : changes.entrySet()) {
        Sql.bind(s, change.getKey(), updated.byName().get(change.getKey()), now, by);
        s.addBatch();
      }
      s.executeBatch();
      return updated;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not change signal thresholds", e);
    }
  }
}
