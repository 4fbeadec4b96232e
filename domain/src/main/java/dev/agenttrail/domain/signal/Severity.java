package dev.agenttrail.domain.signal;

/** How urgent a firing is; the rules are in each detector's documentation. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
