package dev.agenttrail.domain.intake;

import dev.agenttrail.domain.event.EventType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which CloudEvents {@code type} stands for which event-v1 type. Every event type has the spelling
 * {@code dev.agenttrail.<event type>} (e.g. {@code dev.agenttrail.tool.invocation}) and its bare
 * name ({@code tool.invocation}); a few spellings producers commonly use are accepted as well. The
 * README's CloudEvents table lists the same; a test keeps them equal.
 */
final class CloudEventTypes {

  static final String PREFIX = "dev.agenttrail.";

  private static final Map<String, String> TABLE = table();

  private CloudEventTypes() {}

  private static Map<String, String> table() {
    Map<String, String> t = new LinkedHashMap<>();
    for (EventType type : EventType.values()) {
      t.put(PREFIX + type.wireName(), type.wireName());
    }
    for (EventType type : EventType.values()) {
      t.put(type.wireName(), type.wireName());
    }
    String tool = EventType.TOOL_INVOCATION.wireName();
    t.put("tool.call", tool);
    t.put("tool.called", tool);
    t.put("agent.tool.call", tool);
    t.put("agent.tool.invoked", tool);
    t.put("mcp.tool.call", tool);
    String decision = EventType.POLICY_DECISION.wireName();
    t.put("policy.evaluated", decision);
    t.put("authz.decision", decision);
    t.put("authorization.decision", decision);
    t.put("agent.task.started", EventType.TASK_STARTED.wireName());
    t.put("agent.task.completed", EventType.TASK_COMPLETED.wireName());
    t.put("data.accessed", EventType.DATA_ACCESS.wireName());
    return Collections.unmodifiableMap(t);
  }

  /** The event type a CloudEvents type stands for, if the table has it. */
  static Optional<String> eventType(String cloudEventType) {
    return Optional.ofNullable(TABLE.get(cloudEventType));
  }

  /** The whole table, CloudEvents type to event type, in documentation order. */
  static Map<String, String> all() {
    return TABLE;
  }
}
