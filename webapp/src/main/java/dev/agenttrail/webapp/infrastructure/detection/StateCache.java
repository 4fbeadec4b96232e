package dev.agenttrail.webapp.infrastructure.detection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * This node's copy of detection state documents. It is valid only while the detection cursor is
 * where this node left it: when another instance moved the cursor, its documents may have changed,
 * and the cache starts empty again. Bounded: past {@link #MAX_DOCUMENTS} it is dropped whole.
 */
@ApplicationScoped
public class StateCache {

  static final int MAX_DOCUMENTS = 200_000;

  private final Map<String, Optional<JsonObject>> documents = new HashMap<>();
  private long validAtSeq = -1;

  /** Makes the cache valid for a batch that starts at {@code cursorSeq}. */
  synchronized void beginAt(long cursorSeq) {
    if (cursorSeq != validAtSeq) {
      documents.clear();
    }
  }

  synchronized Optional<JsonObject> get(String key) {
    return documents.get(key);
  }

  synchronized void remember(String key, Optional<JsonObject> document) {
    if (documents.size() >= MAX_DOCUMENTS) {
      documents.clear();
    }
    documents.put(key, document);
  }

  /** After a commit: the batch's writes are what the database has, as of {@code cursorSeq}. */
  synchronized void committed(Map<String, Optional<JsonObject>> writes, long cursorSeq) {
    writes.forEach(this::remember);
    validAtSeq = cursorSeq;
  }

  /** After a rollback, or a replay: nothing here can be trusted. */
  synchronized void invalidate() {
    documents.clear();
    validAtSeq = -1;
  }
}
