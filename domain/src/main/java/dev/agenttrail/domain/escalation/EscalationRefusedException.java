package dev.agenttrail.domain.escalation;

/** An action on a case that its state or the caller does not allow; {@link #reason()} says which rule. */
public class EscalationRefusedException extends RuntimeException {

  /** Why the action was refused. */
  public enum Reason {
    /** The case expired: nobody may decide any more. */
    EXPIRED,
    /** The case was already approved, rejected or closed (possibly a moment ago, by someone else). */
    ALREADY_DECIDED,
    /** The caller raised the request. */
    SELF_APPROVAL,
    /** The caller is not an approver of the case's current level. */
    NOT_AN_APPROVER
  }

  private final Reason reason;

  public EscalationRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
