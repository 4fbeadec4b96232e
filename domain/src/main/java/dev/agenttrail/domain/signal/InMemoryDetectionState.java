package dev.agenttrail.domain.signal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link DetectionState} in memory: the reference for the persistent one, and for tests. */
public final class InMemoryDetectionState implements DetectionState {

  private final Map<String, Declaration> tasks = new HashMap<>();
  private final Map<String, Declaration> workflows = new HashMap<>();
  private final Map<String, List<Denial>> denials = new HashMap<>();
  private final Map<String, Map<String, Long>> credentialUsers = new HashMap<>();
  private final Map<String, Credential> credentials = new HashMap<>();
  private final Map<String, Instant> completed = new HashMap<>();

  @Override
  public Optional<Declaration> taskDeclaration(String agentId, String task) {
    return Optional.ofNullable(tasks.get(agentId + "\n" + task));
  }

  @Override
  public void declareTask(String agentId, String task, Declaration declaration) {
    tasks.put(agentId + "\n" + task, declaration);
  }

  @Override
  public Optional<Declaration> workflowDeclaration(String agentId, String workflow) {
    return Optional.ofNullable(workflows.get(agentId + "\n" + workflow));
  }

  /** Registers a workflow declaration, as the REST endpoint will. */
  public void declareWorkflow(String agentId, String workflow, Declaration declaration) {
    workflows.put(agentId + "\n" + workflow, declaration);
  }

  @Override
  public void recordDenial(String agentId, String subject, Instant at, long seq) {
    denials.computeIfAbsent(agentId + "\n" + subject, k -> new ArrayList<>()).add(new Denial(at, seq));
  }

  @Override
  public List<Denial> denialsSince(String agentId, String subject, Instant since) {
    return denials.getOrDefault(agentId + "\n" + subject, List.of()).stream().filter(d -> !d.at().isBefore(since)).toList();
  }

  @Override
  public void clearDenials(String agentId, String subject) {
    denials.remove(agentId + "\n" + subject);
  }

  @Override
  public Map<String, Long> credentialUsers(String credentialId) {
    return Map.copyOf(credentialUsers.getOrDefault(credentialId, Map.of()));
  }

  @Override
  public void recordCredentialUser(String credentialId, String agentId, long seq) {
    credentialUsers.computeIfAbsent(credentialId, k -> new HashMap<>()).putIfAbsent(agentId, seq);
  }

  @Override
  public Optional<Credential> credential(String credentialId) {
    return Optional.ofNullable(credentials.get(credentialId));
  }

  @Override
  public void recordCredential(Credential credential) {
    credentials.put(credential.id(), credential);
  }

  @Override
  public Optional<Instant> taskCompleted(String agentId, String task) {
    return Optional.ofNullable(completed.get(agentId + "\n" + task));
  }

  @Override
  public void recordTaskCompleted(String agentId, String task, Instant at) {
    completed.put(agentId + "\n" + task, at);
  }
}
