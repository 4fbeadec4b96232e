package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.escalation.Approver;
import dev.agenttrail.domain.escalation.EscalationLevel;
import dev.agenttrail.domain.escalation.PolicyMatch;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.domain.signal.Classification;
import dev.agenttrail.webapp.application.InvalidRequestException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a policy's {@code match} and {@code levels}, as API.md shows them: read from
 * requests (every problem named by its JSON pointer) and from the database, and written back.
 */
public final class EscalationJson {

  private EscalationJson() {}

  public static PolicyMatch match(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return PolicyMatch.everything();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException("/match", "'match' must be an object");
    }
    JsonObject m = value.asJsonObject();
    for (String key : m.keySet()) {
      if (!List.of("sources", "tools", "operations", "minClassification", "agents").contains(key)) {
        throw new InvalidRequestException("/match/" + key,
            "'match' takes sources, tools, operations, minClassification and agents, not '" + key + "'");
      }
    }
    Classification min = null;
    JsonValue c = m.get("minClassification");
    if (c != null && c != JsonValue.NULL) {
      try {
        min = Classification.of(((JsonString) c).getString());
      } catch (ClassCastException | IllegalArgumentException e) {
        throw new InvalidRequestException("/match/minClassification", "must be public, internal, confidential or restricted");
      }
    }
    return new PolicyMatch(patterns(m, "sources"), patterns(m, "tools"), patterns(m, "operations"), min, patterns(m, "agents"));
  }

  private static List<String> patterns(JsonObject m, String name) {
    JsonValue v = m.get(name);
    if (v == null || v == JsonValue.NULL) {
      return List.of();
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException("/match/" + name, "'" + name + "' must be an array of patterns ('*' matches anything)");
    }
    List<String> out = new ArrayList<>();
    JsonArray a = v.asJsonArray();
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof JsonString s) || s.getString().isEmpty() || s.getString().length() > 512) {
        throw new InvalidRequestException("/match/" + name + "/" + i, "must be a non-empty string of at most 512 characters");
      }
      out.add(s.getString());
    }
    return out;
  }

  public static List<EscalationLevel> levels(JsonValue value) {
    if (!(value instanceof JsonArray a) || a.isEmpty() || a.size() > 10) {
      throw new InvalidRequestException("/levels", "'levels' is required: an array of 1 to 10 levels, each {\"approvers\": [...], \"deadline\": \"PT15M\"}");
    }
    List<EscalationLevel> levels = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String at = "/levels/" + i;
      if (!(a.get(i) instanceof JsonObject level)) {
        throw new InvalidRequestException(at, "a level is an object with 'approvers' and 'deadline'");
      }
      if (!(level.get("approvers") instanceof JsonArray approvers) || approvers.isEmpty()) {
        throw new InvalidRequestException(at + "/approvers", "'approvers' is required: a non-empty array of 'role:<ROLE>' or 'user:<username>'");
      }
      List<Approver> parsed = new ArrayList<>();
      for (int j = 0; j < approvers.size(); j++) {
        try {
          parsed.add(Approver.parse(approvers.get(j) instanceof JsonString s ? s.getString() : String.valueOf(approvers.get(j))));
        } catch (IllegalArgumentException e) {
          throw new InvalidRequestException(at + "/approvers/" + j, e.getMessage());
        }
      }
      Duration deadline = null;
      if (level.get("deadline") instanceof JsonString s) {
        try {
          deadline = Duration.parse(s.getString());
        } catch (DateTimeParseException e) {
          deadline = null;
        }
      }
      if (deadline == null || deadline.isNegative() || deadline.isZero()) {
        throw new InvalidRequestException(at + "/deadline", "'deadline' is required: a positive ISO 8601 duration such as PT15M or PT1H");
      }
      levels.add(new EscalationLevel(parsed, deadline));
    }
    return levels;
  }

  public static JsonObject write(PolicyMatch m) {
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder()
        .add("sources", array(m.sources()))
        .add("tools", array(m.tools()))
        .add("operations", array(m.operations()));
    if (m.minClassification() != null) {
      b.add("minClassification", m.minClassification().wireName());
    }
    return b.add("agents", array(m.agents())).build();
  }

  public static JsonArray write(List<EscalationLevel> levels) {
    JsonArrayBuilder out = JsonSupport.PROVIDER.createArrayBuilder();
    for (EscalationLevel l : levels) {
      out.add(JsonSupport.PROVIDER.createObjectBuilder()
          .add("approvers", array(l.approvers().stream().map(Approver::toString).toList()))
          .add("deadline", l.deadline().toString()));
    }
    return out.build();
  }

  public static JsonValue parse(String json) {
    try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  private static JsonArray array(List<String> items) {
    JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
    items.forEach(a::add);
    return a.build();
  }
}
