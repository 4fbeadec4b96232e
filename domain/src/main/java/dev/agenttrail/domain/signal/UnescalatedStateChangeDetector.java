package dev.agenttrail.domain.signal;

import dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus;
import java.util.List;
import java.util.Optional;

/**
 * {@code UNESCALATED_STATE_CHANGE}: a state change ({@code action.state_change}, or an action with
 * {@code stateChanging: true}) executed without an approved escalation covering it. Covered means:
 * its {@code action.approvalId} names an escalation case (by AgentTrail's id or the enforcement
 * point's) that was approved, or an {@code approval.decided} with status {@code approved} that the
 * enforcement point reported itself; or its task's declaration (or the agent's workflow) says
 * {@code stateChangingAllowed}, the change approved in advance. It fires when there is no approval
 * id, when the approval is unknown, pending, rejected or expired (expired never counts as approval).
 * A denied action did not execute and does not count. Also records {@code approval.decided} events.
 * Severity: CRITICAL after a rejection or expiry, HIGH otherwise.
 */
public final class UnescalatedStateChangeDetector implements SignalDetector {

  @Override
  public String signal() {
    return "UNESCALATED_STATE_CHANGE";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    if (o.type().equals("approval.decided") && o.approvalId().isPresent() && o.approvalStatus().isPresent()) {
      state.recordApprovalDecided(o.source(), o.approvalId().get(), o.approvalStatus().get(), o.occurredAt(), o.seq());
      return List.of();
    }
    if (!o.stateChanging() || !o.executed() || o.type().startsWith("approval.") || o.type().startsWith("policy.")) {
      return List.of();
    }
    Optional<String> approvalId = o.approvalId();
    String what = "The state change by " + o.agentId() + o.tool().map(t -> " with '" + t + "'").orElse("")
        + o.operation().map(op -> " (" + op + ")").orElse("");
    if (approvalId.isEmpty()) {
      boolean preApproved = UndeclaredToolDetector.declaration(o, state).map(Declaration::stateChangingAllowed).orElse(false);
      if (preApproved) {
        return List.of();
      }
      return fire(o, Severity.HIGH, what + " executed without an approval, and its task does not allow state changes.");
    }
    Optional<ApprovalStatus> approval = state.approval(o.source(), approvalId.get());
    if (approval.isEmpty()) {
      return fire(o, Severity.HIGH, what + " relies on approval '" + approvalId.get() + "', of which AgentTrail has no record.");
    }
    ApprovalStatus a = approval.get();
    if (a.approved()) {
      return List.of();
    }
    String caseName = a.caseId() != null ? "escalation case " + a.caseId() : "approval '" + approvalId.get() + "'";
    return switch (a.state()) {
      case "rejected" -> fire(o, Severity.CRITICAL, what + " executed although " + caseName + " was rejected.");
      case "expired" -> fire(o, Severity.CRITICAL, what + " executed after " + caseName
          + " expired without a decision; an expired approval is never an approval.");
      default -> fire(o, Severity.HIGH, what + " executed while " + caseName + " was still " + a.state() + ", not approved.");
    };
  }

  private List<Firing> fire(Observation o, Severity severity, String explanation) {
    return List.of(new Firing(signal(), o.agentId(), o.source(), o.task().orElse(null), List.of(o.seq()), severity, explanation));
  }
}
