package dev.agenttrail.domain.incident;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an analyst does with an incident. Each action says from which statuses it is allowed, to
 * which it leads, and what it needs: marking a false positive and reopening need a reason; accepting
 * a risk needs a reason and an expiry in the future, after which detection reopens the incident.
 */
public enum LifecycleAction {
  ACKNOWLEDGE(IncidentStatus.ACKNOWLEDGED, false, EnumSet.of(IncidentStatus.OPEN)),
  RESOLVE(IncidentStatus.RESOLVED, false, EnumSet.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED)),
  FALSE_POSITIVE(IncidentStatus.FALSE_POSITIVE, true, EnumSet.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED)),
  ACCEPT_RISK(IncidentStatus.RISK_ACCEPTED, true, EnumSet.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED)),
  REOPEN(IncidentStatus.OPEN, true, EnumSet.of(IncidentStatus.RESOLVED, IncidentStatus.FALSE_POSITIVE, IncidentStatus.RISK_ACCEPTED));

  private final IncidentStatus target;
  private final boolean reasonRequired;
  private final Set<IncidentStatus> from;

  LifecycleAction(IncidentStatus target, boolean reasonRequired, Set<IncidentStatus> from) {
    this.target = target;
    this.reasonRequired = reasonRequired;
    this.from = from;
  }

  /** The path segment of the action: {@code acknowledge}, {@code false-positive}, {@code accept-risk}... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<LifecycleAction> of(String wire) {
    return Arrays.stream(values()).filter(a -> a.wireName().equals(wire)).findFirst();
  }

  public IncidentStatus target() {
    return target;
  }

  /**
   * The status an incident in {@code current} moves to.
   *
   * @throws IllegalStateException if the action is not allowed from {@code current}
   * @throws IllegalArgumentException if the reason or the expiry is missing or invalid
   */
  public IncidentStatus apply(IncidentStatus current, String reason, Instant expiresAt, Instant now) {
    if (!from.contains(current)) {
      throw new IllegalStateException("An incident that is " + current.wireName().replace('_', ' ') + " cannot be "
          + past() + "; allowed from " + String.join(", ", from.stream().map(s -> s.wireName().replace('_', ' ')).toList()) + ".");
    }
    if (reasonRequired && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("A reason is required to " + verb() + ".");
    }
    if (this == ACCEPT_RISK && (expiresAt == null || !expiresAt.isAfter(now))) {
      throw new IllegalArgumentException("Accepting a risk needs an expiry ('expiresAt') in the future.");
    }
    if (this != ACCEPT_RISK && expiresAt != null) {
      throw new IllegalArgumentException("Only accepting a risk takes an expiry.");
    }
    return target;
  }

  private String verb() {
    return switch (this) {
      case ACKNOWLEDGE -> "acknowledge";
      case RESOLVE -> "resolve";
      case FALSE_POSITIVE -> "mark a false positive";
      case ACCEPT_RISK -> "accept a risk";
      case REOPEN -> "reopen";
    };
  }

  private String past() {
    return switch (this) {
      case ACKNOWLEDGE -> "acknowledged";
      case RESOLVE -> "resolved";
      case FALSE_POSITIVE -> "marked a false positive";
      case ACCEPT_RISK -> "accepted as a risk";
      case REOPEN -> "reopened";
    };
  }
}
