package dev.agenttrail.domain.intake;

import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where, in an OPA decision event, AgentTrail finds the agent, task, tool and outcome. Each field
 * has an ordered list of paths; the first that holds a value wins. A source can override any field
 * ({@code PUT /api/v1/sources/{name}/adapters/opa}); fields it leaves out keep the defaults.
 */
public record OpaMapping(Map<String, List<JsonPath>> fields) {

  /** The fields a mapping may set, in the order they are documented. */
  public static final List<String> FIELDS = List.of(
      "agentId", "session", "task", "workflow", "onBehalfOf", "tool", "operation", "resource",
      "stateChanging", "approvalId", "classification", "dataScope", "intent", "allow", "outcome", "reason",
      "authorizedBy");

  private static final Map<String, List<String>> DEFAULTS = defaults();

  private static Map<String, List<String>> defaults() {
    Map<String, List<String>> d = new LinkedHashMap<>();
    d.put("agentId", List.of("input.agent.id", "input.agent", "input.subject.id", "input.principal"));
    d.put("session", List.of("input.agent.session", "input.session"));
    d.put("task", List.of("input.agent.task", "input.task"));
    d.put("workflow", List.of("input.agent.workflow", "input.workflow"));
    d.put("onBehalfOf", List.of("input.agent.onBehalfOf", "input.on_behalf_of", "input.user"));
    d.put("tool", List.of("input.action.tool", "input.tool"));
    d.put("operation", List.of("input.action.operation", "input.operation", "input.method"));
    d.put("resource", List.of("input.action.resource", "input.resource"));
    d.put("stateChanging", List.of("input.action.stateChanging", "input.state_changing"));
    d.put("approvalId", List.of("input.action.approvalId", "input.approval_id"));
    d.put("classification", List.of("input.data.classification", "input.classification"));
    d.put("dataScope", List.of("input.data.scope"));
    d.put("intent", List.of("input.intent"));
    d.put("allow", List.of("result.allow", "result"));
    d.put("outcome", List.of("result.outcome"));
    d.put("reason", List.of("result.reason", "result.reasons"));
    d.put("authorizedBy", List.of("result.authorized_by", "result.authorizedBy"));
    return d;
  }

  public static OpaMapping defaultMapping() {
    return from(null);
  }

  /**
   * The default mapping with the overrides of {@code config} (field name to a path or an array of
   * paths).
   *
   * @throws IllegalArgumentException naming the first unknown field or bad path
   */
  public static OpaMapping from(JsonObject config) {
    Map<String, List<JsonPath>> fields = new LinkedHashMap<>();
    DEFAULTS.forEach((k, v) -> fields.put(k, v.stream().map(JsonPath::parse).toList()));
    if (config != null) {
      for (Map.Entry<String, JsonValue> e : config.entrySet()) {
        if (!FIELDS.contains(e.getKey())) {
          throw new IllegalArgumentException("'" + e.getKey() + "' is not a mapping field; use one of " + FIELDS);
        }
        fields.put(e.getKey(), paths(e.getKey(), e.getValue()));
      }
    }
    return new OpaMapping(Map.copyOf(fields));
  }

  private static List<JsonPath> paths(String field, JsonValue value) {
    List<JsonPath> out = new ArrayList<>();
    if (value instanceof JsonString s) {
      out.add(JsonPath.parse(s.getString()));
    } else if (value instanceof JsonArray a && !a.isEmpty()) {
      for (JsonValue v : a) {
        if (!(v instanceof JsonString s)) {
          throw new IllegalArgumentException("'" + field + "' must be a path or an array of paths");
        }
        out.add(JsonPath.parse(s.getString()));
      }
    } else {
      throw new IllegalArgumentException("'" + field + "' must be a path or an array of paths");
    }
    return List.copyOf(out);
  }

  /** The mapping as JSON, every field with its paths: what a source effectively uses. */
  public JsonObject toJson() {
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
    for (String field : FIELDS) {
      var paths = JsonSupport.PROVIDER.createArrayBuilder();
      fields.get(field).forEach(p -> paths.add(p.text()));
      b.add(field, paths);
    }
    return b.build();
  }

  /** The first value the paths of {@code field} find in {@code decision}. */
  java.util.Optional<JsonValue> find(String field, JsonValue decision) {
    for (JsonPath path : fields.get(field)) {
      var found = path.find(decision);
      if (found.isPresent()) {
        return found;
      }
    }
    return java.util.Optional.empty();
  }
}
