package dev.agenttrail.domain.event;

import java.util.Arrays;
import java.util.Optional;

/** The event types of {@code event-v1}. The wire name is the contract; the constant is ours. */
public enum EventType {
  TASK_STARTED("task.started"),
  TASK_COMPLETED("task.completed"),
  TOOL_INVOCATION("tool.invocation"),
  DATA_ACCESS("data.access"),
  ACTION_STATE_CHANGE("action.state_change"),
  POLICY_DECISION("policy.decision"),
  POLICY_OVERRIDE("policy.override"),
  CREDENTIAL_ISSUED("credential.issued"),
  CREDENTIAL_USED("credential.used"),
  CREDENTIAL_REVOKED("credential.revoked"),
  DELEGATION_GRANTED("delegation.granted"),
  APPROVAL_REQUESTED("approval.requested"),
  APPROVAL_DECIDED("approval.decided"),
  AUDIT_NOTE("audit.note");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> fromWire(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
