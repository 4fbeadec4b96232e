package dev.agenttrail.domain.signal;

import java.util.List;
import java.util.Optional;

/**
 * {@code UNDECLARED_TOOL}: a {@code tool.invocation} or {@code action.state_change} uses a tool that
 * the task's declaration (its {@code task.started}, else the workflow declared for the agent) does
 * not list. An action without a declaration to compare with does not fire here: that is
 * {@code UNTRACEABLE_ACTION}'s business. Severity: HIGH for a state change, MEDIUM otherwise.
 */
public final class UndeclaredToolDetector implements SignalDetector {

  @Override
  public String signal() {
    return "UNDECLARED_TOOL";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    if (!o.type().equals("tool.invocation") && !o.type().equals("action.state_change")) {
      return List.of();
    }
    Optional<String> tool = o.tool();
    Optional<Declaration> declared = declaration(o, state);
    if (tool.isEmpty() || declared.isEmpty() || declared.get().allowsTool(tool.get())) {
      return List.of();
    }
    boolean stateChange = o.type().equals("action.state_change");
    return List.of(new Firing(signal(), o.agentId(), o.source(), o.task().orElse(null), List.of(o.seq()),
        stateChange ? Severity.HIGH : Severity.MEDIUM,
        "Agent " + o.agentId() + " used the tool '" + tool.get() + "', which "
            + o.task().map(t -> "task " + t).orElse("its workflow") + " did not declare (declared: "
            + String.join(", ", declared.get().tools().stream().sorted().toList()) + ")."));
  }

  static Optional<Declaration> declaration(Observation o, DetectionState state) {
    Optional<Declaration> byTask = o.task().flatMap(t -> state.taskDeclaration(o.agentId(), t));
    return byTask.isPresent() ? byTask : o.workflow().flatMap(w -> state.workflowDeclaration(o.agentId(), w));
  }
}
