package dev.agenttrail.domain.escalation;

import java.util.Set;

/** A person acting on a case: their user name and roles. */
public record Decider(String name, Set<String> roles) {

  public Decider {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a decider needs a name");
    }
    roles = Set.copyOf(roles);
  }
}
