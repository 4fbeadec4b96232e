package dev.agenttrail.domain.access;

/** What an enforcement point does with its decisions. */
public enum EnforcementMode {
  ENFORCE,
  OBSERVE,
  ALERT
}
