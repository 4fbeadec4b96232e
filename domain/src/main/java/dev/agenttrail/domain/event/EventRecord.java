package dev.agenttrail.domain.event;

import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * An event as the ledger stores it: the producer's event with its {@code source} filled in from the
 * ingest key and every timestamp normalised to UTC, written in canonical form. The other fields are
 * copies of values inside {@link #canonical()}, kept as columns so queries need not parse JSON.
 */
public record EventRecord(
    String source,
    String id,
    Instant occurredAt,
    EventType type,
    String agentId,
    String session,
    String task,
    String tool,
    String outcome,
    String canonical) {

  /**
   * Builds the stored form of an event that {@link EventValidator} accepted.
   *
   * @throws IllegalArgumentException if the event names another source than {@code source}
   */
  public static EventRecord of(String source, JsonObject event) {
    // Only the members that change are rebuilt; everything else is written as sent.
    TreeMap<String, JsonValue> stored = new TreeMap<>(event);
    stored.put("source", JsonSupport.PROVIDER.createValue(source));
    Instant occurredAt = utc(event.getString("occurredAt"));
    stored.put("occurredAt", JsonSupport.PROVIDER.createValue(Timestamps.format(occurredAt)));
    for (String nested : TIMESTAMPED) {
      JsonValue value = event.get(nested);
      if (value instanceof JsonObject o && (o.containsKey("expiresAt") || o.containsKey("issuedAt"))) {
        stored.put(nested, withUtcTimestamps(o));
      }
    }
    JsonObject agent = event.getJsonObject("agent");
    JsonObject action = event.getJsonObject("action");
    JsonObject decision = event.getJsonObject("decision");
    return new EventRecord(
        source,
        event.getString("id"),
        occurredAt,
        EventType.fromWire(event.getString("type")).orElseThrow(),
        agent.getString("id"),
        text(agent, "session"),
        text(agent, "task"),
        action == null ? null : text(action, "tool"),
        decision == null ? null : text(decision, "outcome"),
        CanonicalJson.write(stored));
  }

  /** Objects of the event whose timestamps are normalised to UTC. */
  private static final List<String> TIMESTAMPED = List.of("declared", "credential");

  private static JsonObject withUtcTimestamps(JsonObject o) {
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder(o);
    for (String name : List.of("expiresAt", "issuedAt")) {
      if (o.get(name) instanceof JsonString s) {
        b.add(name, Timestamps.format(utc(s.getString())));
      }
    }
    return b.build();
  }

  private static Instant utc(String timestamp) {
    return Timestamps.parse(timestamp);
  }

  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
