package dev.agenttrail.webapp.infrastructure.detection;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.domain.signal.StateStore;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The detectors' documents for one batch: reads go to the batch's own writes, then the node cache,
 * then the {@code detection_state} table; writes stay in memory until {@link #flush}, which the
 * batch calls in its transaction, before the cursor moves.
 */
final class JdbcStateStore implements StateStore {

  private final Connection connection;
  private final StateCache cache;
  private final Map<String, Optional<JsonObject>> writes = new LinkedHashMap<>();

  JdbcStateStore(Connection connection, StateCache cache) {
    this.connection = connection;
    this.cache = cache;
  }

  private static String id(String kind, String key) {
    return kind + "\u0000" + key;
  }

  @Override
  public Optional<JsonObject> get(String kind, String key) {
    String id = id(kind, key);
    Optional<JsonObject> written = writes.get(id);
    if (written != null) {
      return written;
    }
    Optional<JsonObject> cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    try (PreparedStatement s = connection.prepareStatement("SELECT payload FROM detection_state WHERE kind = ? AND state_key = ?")) {
      s.setString(1, kind);
      s.setString(2, key);
      try (ResultSet rs = s.executeQuery()) {
        Optional<JsonObject> found = rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
        cache.remember(id, found);
        return found;
      }
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read detection state", e);
    }
  }

  @Override
  public void put(String kind, String key, JsonObject value) {
    writes.put(id(kind, key), Optional.of(value));
  }

  @Override
  public void remove(String kind, String key) {
    writes.put(id(kind, key), Optional.empty());
  }

  @Override
  public Map<String, JsonObject> all(String kind) {
    Map<String, JsonObject> out = new HashMap<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT state_key, payload FROM detection_state WHERE kind = ?")) {
      s.setString(1, kind);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), parse(rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read detection state", e);
    }
    String prefix = kind + "\u0000";
    writes.forEach((id, document) -> {
      if (id.startsWith(prefix)) {
        String key = id.substring(prefix.length());
        document.ifPresentOrElse(d -> out.put(key, d), () -> out.remove(key));
      }
    });
    return out;
  }

  /** Writes the batch's documents; returns them for the cache once the transaction commits. */
  Map<String, Optional<JsonObject>> flush() {
    try (PreparedStatement upsert = connection.prepareStatement(
            Sql.upsert(connection, "detection_state", "kind, state_key, payload", 2));
        PreparedStatement delete = connection.prepareStatement("DELETE FROM detection_state WHERE kind = ? AND state_key = ?")) {
      int upserts = 0;
      int deletes = 0;
      for (Map.Entry<String, Optional<JsonObject>> w : writes.entrySet()) {
        int split = w.getKey().indexOf('\u0000');
        String kind = w.getKey().substring(0, split);
        String key = w.getKey().substring(split + 1);
        if (w.getValue().isPresent()) {
          upsert.setString(1, kind);
          upsert.setString(2, key);
          upsert.setString(3, w.getValue().get().toString());
          upsert.addBatch();
          upserts++;
        } else {
          delete.setString(1, kind);
          delete.setString(2, key);
          delete.addBatch();
          deletes++;
        }
      }
      if (upserts > 0) {
        upsert.executeBatch();
      }
      if (deletes > 0) {
        delete.executeBatch();
      }
      return Map.copyOf(writes);
    } catch (SQLException e) {
      throw new DetectionStoreException("could not write detection state", e);
    }
  }

  static JsonObject parse(String json) {
    try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
