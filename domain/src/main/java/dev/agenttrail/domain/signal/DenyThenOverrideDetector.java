package dev.agenttrail.domain.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DENY_THEN_OVERRIDE}: N or more {@code deny} decisions for the same agent and tool (or
 * policy, when no tool is named) within a window, followed by an {@code allow} or {@code override}
 * decision or a {@code policy.override} for it. The denials were the control working; getting
 * through after them is the failure. Fewer denials, or denials older than the window, do not fire.
 * An allow or override clears the agent's denials for that tool. Severity: HIGH.
 */
public final class DenyThenOverrideDetector implements SignalDetector {

  private final int threshold;
  private final Duration window;

  /** SIGNALS.md's defaults: 3 denials within 15 minutes. */
  public DenyThenOverrideDetector() {
    this(Thresholds.DEFAULTS.denyCount(), Thresholds.DEFAULTS.denyWindow());
  }

  public DenyThenOverrideDetector(Thresholds thresholds) {
    this(thresholds.denyCount(), thresholds.denyWindow());
  }

  public DenyThenOverrideDetector(int threshold, Duration window) {
    if (threshold < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the threshold must be 1 or more and the window positive");
    }
    this.threshold = threshold;
    this.window = window;
  }

  @Override
  public String signal() {
    return "DENY_THEN_OVERRIDE";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    boolean decision = o.type().equals("policy.decision") || o.type().equals("tool.invocation")
        || o.type().equals("action.state_change");
    boolean override = o.type().equals("policy.override");
    Optional<String> subject = o.tool().or(o::policy);
    if ((!decision && !override) || subject.isEmpty()) {
      return List.of();
    }
    String outcome = override ? "override" : o.outcome().orElse(null);
    if ("deny".equals(outcome)) {
      state.recordDenial(o.agentId(), subject.get(), o.occurredAt(), o.seq());
      return List.of();
    }
    if (!"allow".equals(outcome) && !"override".equals(outcome)) {
      return List.of();
    }
    List<DetectionState.Denial> denials = state.denialsSince(o.agentId(), subject.get(), o.occurredAt().minus(window));
    state.clearDenials(o.agentId(), subject.get());
    if (denials.size() < threshold) {
      return List.of();
    }
    List<Long> evidence = new ArrayList<>();
    denials.forEach(d -> evidence.add(d.seq()));
    evidence.add(o.seq());
    return List.of(new Firing(signal(), o.agentId(), o.source(), o.task().orElse(null), evidence, Severity.HIGH,
        "Agent " + o.agentId() + " was denied '" + subject.get() + "' " + denials.size() + " times within "
            + CredentialOverstayDetector.minutes(window) + " and then got it through an " + outcome + "."));
  }
}
