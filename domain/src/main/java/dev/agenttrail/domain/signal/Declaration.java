package dev.agenttrail.domain.signal;

import java.time.Instant;
import java.util.Set;

/**
 * What a task may do: its declared workflow ({@code task.started.declared}, or a workflow
 * declaration registered for the agent). Tool entries may end in {@code *} to cover a family
 * ({@code payments.*}).
 */
public record Declaration(
    Set<String> tools, Set<String> dataScopes, Classification maxClassification, boolean stateChangingAllowed,
    Instant expiresAt) {

  public Declaration {
    tools = Set.copyOf(tools);
    dataScopes = Set.copyOf(dataScopes);
  }

  public boolean allowsTool(String tool) {
    return tools.stream().anyMatch(t -> t.endsWith("*") ? tool.startsWith(t.substring(0, t.length() - 1)) : t.equals(tool));
  }

  /** Whether {@code scope} is declared; an empty list of scopes declares none. */
  public boolean allowsScope(String scope) {
    return dataScopes.stream().anyMatch(s -> s.endsWith("*") ? scope.startsWith(s.substring(0, s.length() - 1)) : s.equals(scope));
  }
}
