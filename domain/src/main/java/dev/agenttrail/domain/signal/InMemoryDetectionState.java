package dev.agenttrail.domain.signal;

import dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StoredDetectionState} over maps: the same documents the webapp stores, kept in memory,
 * with a directory that tests fill in.
 */
public final class InMemoryDetectionState extends StoredDetectionState {

  private final MapDirectory directory;

  public InMemoryDetectionState() {
    this(new MapDirectory());
  }

  private InMemoryDetectionState(MapDirectory directory) {
    super(new MapStore(), directory);
    this.directory = directory;
  }

  /** Registers a workflow declaration, as the REST endpoint does. */
  public void declareWorkflow(String agentId, String workflow, Declaration declaration) {
    directory.workflows.put(agentId + "\n" + workflow, declaration);
  }

  /** Registers an escalation case's state, as the escalation service keeps it. */
  public void registerApproval(String source, String approvalId, ApprovalStatus status) {
    directory.approvals.put(source + "\n" + approvalId, status);
  }

  /** Registers a source's mode. */
  public void registerSource(String source, String mode) {
    directory.modes.put(source, mode);
  }

  private static final class MapStore implements StateStore {
    private final Map<String, Map<String, JsonObject>> kinds = new HashMap<>();

    @Override
    public Optional<JsonObject> get(String kind, String key) {
      Map<String, JsonObject> documents = kinds.get(kind);
      return documents == null ? Optional.empty() : Optional.ofNullable(documents.get(key));
    }

    @Override
    public void put(String kind, String key, JsonObject value) {
      kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(key, value);
    }

    @Override
    public void remove(String kind, String key) {
      kinds.getOrDefault(kind, new HashMap<>()).remove(key);
    }

    @Override
    public Map<String, JsonObject> all(String kind) {
      return Map.copyOf(kinds.getOrDefault(kind, Map.of()));
    }
  }

  private static final class MapDirectory implements Directory {
    private final Map<String, Declaration> workflows = new HashMap<>();
    private final Map<String, ApprovalStatus> approvals = new HashMap<>();
    private final Map<String, String> modes = new HashMap<>();

    @Override
    public Optional<Declaration> workflow(String agentId, String workflow) {
      return Optional.ofNullable(workflows.get(agentId + "\n" + workflow));
    }

    @Override
    public Optional<ApprovalStatus> approval(String source, String approvalId) {
      return Optional.ofNullable(approvals.get(source + "\n" + approvalId));
    }

    @Override
    public Optional<String> sourceMode(String source) {
      return Optional.ofNullable(modes.get(source));
    }
  }
}
