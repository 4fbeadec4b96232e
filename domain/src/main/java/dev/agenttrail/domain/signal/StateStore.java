package dev.agenttrail.domain.signal;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/** Where {@link StoredDetectionState} keeps its documents: JSON objects by kind and key. */
public interface StateStore {

  Optional<JsonObject> get(String kind, String key);

  void put(String kind, String key, JsonObject value);

  void remove(String kind, String key);

  /** Every document of a kind, by key. Kinds listed this way are kept small. */
  Map<String, JsonObject> all(String kind);
}
