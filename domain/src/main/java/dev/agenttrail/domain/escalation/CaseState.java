package dev.agenttrail.domain.escalation;

import java.util.Locale;

/** The states of API.md. Open, acknowledged and escalated wait for a decision; the rest are final. */
public enum CaseState {
  OPEN,
  ACKNOWLEDGED,
  ESCALATED,
  APPROVED,
  REJECTED,
  EXPIRED,
  CLOSED;

  public boolean pending() {
    return this == OPEN || this == ACKNOWLEDGED || this == ESCALATED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CaseState fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
