package dev.agenttrail.domain.intake;

import dev.agenttrail.domain.event.EventSchemaLimits;
import dev.agenttrail.domain.event.EventValidator;
import dev.agenttrail.domain.event.Violation;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Maps one decision event of OPA's decision-log plugin to a {@code policy.decision} event.
 *
 * <p>{@code decision_id} becomes the event id (so a batch OPA retries after a timeout is stored
 * once), {@code timestamp} the time, {@code path} the policy, bundle revisions the policy version;
 * agent, task, tool and outcome come from {@code input} and {@code result} through the source's
 * {@link OpaMapping}. {@code labels}, {@code path}, {@code bundles}, {@code requested_by},
 * {@code erased} and {@code masked} are kept under {@code attributes.opa}. A decision whose agent
 * cannot be found is still stored, as agent {@value #UNMAPPED_AGENT} with the missing fields listed
 * in {@code attributes.agenttrail.unmapped}: it is reported, never dropped.
 */
public final class OpaDecisionMapper {

  /** The agent id of a decision whose mapping found no agent. */
  public static final String UNMAPPED_AGENT = "opa:unmapped-agent";

  private static final Set<String> OUTCOMES = Set.of("allow", "deny", "override", "error", "require_approval");

  private final OpaMapping mapping;
  private final String mode;

  /** @param mode the source's enforcement mode ({@code enforce}, {@code observe}, {@code alert}) */
  public OpaDecisionMapper(OpaMapping mapping, String mode) {
    this.mapping = mapping;
    this.mode = mode;
  }

  /** The outcome for one decision: the event, or what makes the decision unusable. */
  public record Mapped(JsonObject event, List<String> unmapped, List<Violation> problems) {}

  public Mapped map(int index, JsonValue item) {
    if (!(item instanceof JsonObject decision)) {
      return problem(index, "", "a decision event must be a JSON object");
    }
    List<Violation> problems = new ArrayList<>();
    String id = text(decision.get("decision_id"));
    if (id == null) {
      problems.add(new Violation(index, "/decision_id", "required: OPA's decision id becomes the event id"));
    }
    String timestamp = text(decision.get("timestamp"));
    if (timestamp == null || EventValidator.parseTimestamp(timestamp) == null) {
      problems.add(new Violation(index, "/timestamp", "required: an RFC 3339 time such as 2026-11-23T08:15:00.123456789Z"));
    }
    if (!problems.isEmpty()) {
      return new Mapped(null, List.of(), problems);
    }
    List<String> unmapped = new ArrayList<>();
    JsonObjectBuilder event = JsonSupport.PROVIDER.createObjectBuilder()
        .add("id", id)
        .add("occurredAt", timestamp)
        .add("type", "policy.decision")
        .add("agent", agent(decision, unmapped))
        .add("decision", decision(decision));
    JsonObject action = action(decision);
    if (!action.isEmpty()) {
      event.add("action", action);
    }
    JsonObject data = data(decision);
    if (!data.isEmpty()) {
      event.add("data", data);
    }
    stringAt("intent", decision).ifPresent(v -> event.add("intent", v));
    event.add("attributes", attributes(decision, unmapped));
    return new Mapped(event.build(), unmapped, List.of());
  }

  private JsonObject agent(JsonObject decision, List<String> unmapped) {
    JsonObjectBuilder agent = JsonSupport.PROVIDER.createObjectBuilder();
    Optional<String> id = stringAt("agentId", decision);
    if (id.isEmpty()) {
      unmapped.add("agentId");
    }
    agent.add("id", id.orElse(UNMAPPED_AGENT));
    for (String field : List.of("session", "task", "workflow", "onBehalfOf")) {
      stringAt(field, decision).ifPresent(v -> agent.add(field, v));
    }
    return agent.build();
  }

  private JsonObject decision(JsonObject decision) {
    JsonObjectBuilder d = JsonSupport.PROVIDER.createObjectBuilder().add("outcome", outcome(decision));
    String path = text(decision.get("path"));
    if (path != null) {
      d.add("policy", EventSchemaLimits.clip(path, 256));
    }
    String revisions = revisions(decision);
    if (!revisions.isEmpty()) {
      d.add("policyVersion", EventSchemaLimits.clip(revisions, 128));
    }
    reason(decision).ifPresent(r -> d.add("reason", EventSchemaLimits.clip(r, 2048)));
    Optional<String> by = stringAt("authorizedBy", decision);
    if (by.isPresent()) {
      d.add("authorizedBy", by.get());
    } else if (path != null) {
      d.add("authorizedBy", EventSchemaLimits.clip("policy:" + path, 256));
    }
    return d.add("mode", mode).build();
  }

  private String outcome(JsonObject decision) {
    if (decision.containsKey("error")) {
      return "error";
    }
    Optional<String> explicit = stringAt("outcome", decision).filter(OUTCOMES::contains);
    if (explicit.isPresent()) {
      return explicit.get();
    }
    Optional<JsonValue> allow = mapping.find("allow", decision);
    if (allow.isPresent() && (allow.get() == JsonValue.TRUE || allow.get() == JsonValue.FALSE)) {
      return allow.get() == JsonValue.TRUE ? "allow" : "deny";
    }
    return "deny"; // an undefined result: enforcement points deny by default
  }

  private Optional<String> reason(JsonObject decision) {
    Optional<JsonValue> value = mapping.find("reason", decision);
    if (value.isEmpty() && decision.get("error") instanceof JsonObject error) {
      return Optional.ofNullable(text(error.get("message")));
    }
    if (value.isPresent() && value.get() instanceof JsonArray reasons) {
      String joined = reasons.stream().map(OpaDecisionMapper::text).filter(s -> s != null)
          .collect(Collectors.joining("; "));
      return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
    if (value.isEmpty() && !mapping.find("allow", decision).isPresent()) {
      return Optional.of("the policy result was undefined");
    }
    return value.map(OpaDecisionMapper::text);
  }

  private JsonObject action(JsonObject decision) {
    JsonObjectBuilder a = JsonSupport.PROVIDER.createObjectBuilder();
    for (String field : List.of("tool", "operation", "resource", "approvalId")) {
      stringAt(field, decision).ifPresent(v -> a.add(field, v));
    }
    mapping.find("stateChanging", decision)
        .filter(v -> v == JsonValue.TRUE || v == JsonValue.FALSE)
        .ifPresent(v -> a.add("stateChanging", v));
    return a.build();
  }

  private JsonObject data(JsonObject decision) {
    JsonObjectBuilder d = JsonSupport.PROVIDER.createObjectBuilder();
    stringAt("classification", decision)
        .filter(Set.of("public", "internal", "confidential", "restricted")::contains)
        .ifPresent(v -> d.add("classification", v));
    stringAt("dataScope", decision).ifPresent(v -> d.add("scope", v));
    return d.build();
  }

  private static JsonObject attributes(JsonObject decision, List<String> unmapped) {
    JsonObjectBuilder opa = JsonSupport.PROVIDER.createObjectBuilder();
    for (String kept : List.of("path", "labels", "bundles", "requested_by", "req_id", "erased", "masked")) {
      JsonValue v = decision.get(kept);
      if (v != null && v != JsonValue.NULL) {
        opa.add(kept, v);
      }
    }
    JsonObjectBuilder attributes = JsonSupport.PROVIDER.createObjectBuilder().add("opa", opa);
    if (!unmapped.isEmpty()) {
      var missing = JsonSupport.PROVIDER.createArrayBuilder();
      unmapped.forEach(missing::add);
      attributes.add("agenttrail", JsonSupport.PROVIDER.createObjectBuilder().add("unmapped", missing));
    }
    return attributes.build();
  }

  private static String revisions(JsonObject decision) {
    if (!(decision.get("bundles") instanceof JsonObject bundles)) {
      return "";
    }
    Map<String, String> sorted = new TreeMap<>();
    bundles.forEach((name, b) -> {
      if (b instanceof JsonObject o && text(o.get("revision")) != null) {
        sorted.put(name, text(o.get("revision")));
      }
    });
    return sorted.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).collect(Collectors.joining(","));
  }

  private Optional<String> stringAt(String field, JsonObject decision) {
    return mapping.find(field, decision).map(OpaDecisionMapper::text).filter(s -> !s.isBlank());
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  private static Mapped problem(int index, String pointer, String message) {
    return new Mapped(null, List.of(), List.of(new Violation(index, pointer, message)));
  }
}
