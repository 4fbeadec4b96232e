package dev.agenttrail.domain.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An incident's status, as stored and as the API names it. */
public enum IncidentStatus {
  OPEN,
  ACKNOWLEDGED,
  RESOLVED,
  FALSE_POSITIVE,
  RISK_ACCEPTED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IncidentStatus> of(String wire) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst();
  }

  /** Open or acknowledged: the incident still counts against its controls. */
  public boolean active() {
    return this == OPEN || this == ACKNOWLEDGED;
  }
}
