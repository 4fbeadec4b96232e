package dev.agenttrail.domain.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One entry of a case's history: who did what, when, why, at which level, and whether the level's
 * deadline was met.
 *
 * @param actor a user name, or {@code system} for the timer
 * @param deadline the level's deadline when the step happened
 * @param deadlineMet true for a step inside the deadline, false for an escalation or expiry
 *     (the deadline passed), null where it does not apply (opening, closing)
 * @param elapsed time from the start of the level to this step
 */
public record CaseStep(Kind kind, int level, Instant at, String actor, String reason, Instant deadline,
    Boolean deadlineMet, Duration elapsed) {

  public static final String SYSTEM = "system";

  public enum Kind {
    OPENED,
    ACKNOWLEDGED,
    ESCALATED,
    APPROVED,
    REJECTED,
    EXPIRED,
    CLOSED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
