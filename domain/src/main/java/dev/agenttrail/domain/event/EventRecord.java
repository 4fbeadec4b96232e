package dev.agenttrail.domain.event;

import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;

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
    JsonObjectBuilder stored = JsonSupport.PROVIDER.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : event.entrySet()) {
      stored.add(e.getKey(), normalise(e.getKey(), e.getValue()));
    }
    stored.add("source", source);
    JsonObject normalised = stored.build();
    JsonObject agent = normalised.getJsonObject("agent");
    JsonObject action = normalised.getJsonObject("action");
    JsonObject decision = normalised.getJsonObject("decision");
    return new EventRecord(
        source,
        normalised.getString("id"),
        Instant.parse(normalised.getString("occurredAt")),
        EventType.fromWire(normalised.getString("type")).orElseThrow(),
        agent.getString("id"),
        text(agent, "session"),
        text(agent, "task"),
        action == null ? null : text(action, "tool"),
        decision == null ? null : text(decision, "outcome"),
        CanonicalJson.write(normalised));
  }

  /** Timestamps become UTC ({@code 2026-11-23T08:15:00Z}); everything else is kept as sent. */
  private static JsonValue normalise(String name, JsonValue value) {
    if (value instanceof JsonString s && isTimestamp(name)) {
      return JsonSupport.PROVIDER.createValue(EventValidator.parseTimestamp(s.getString()).toInstant().toString());
    }
    if (value.getValueType() == JsonValue.ValueType.OBJECT && !"attributes".equals(name)) {
      JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
      value.asJsonObject().forEach((k, v) -> b.add(k, normalise(k, v)));
      return b.build();
    }
    return value;
  }

  private static boolean isTimestamp(String name) {
    return name.equals("occurredAt") || name.equals("expiresAt") || name.equals("issuedAt");
  }

  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
