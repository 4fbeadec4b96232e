package dev.agenttrail.reports.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a pack covers: events that occurred in {@code [from, to)}, the framework ids reported
 * (empty: every built-in framework), and the agents (empty: every agent).
 */
public record PackScope(Instant from, Instant to, List<String> frameworks, List<String> agents) {

  public PackScope {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("'to' must be after 'from'");
    }
    frameworks = List.copyOf(frameworks);
    agents = List.copyOf(agents);
  }

  public boolean allAgents() {
    return agents.isEmpty();
  }
}
