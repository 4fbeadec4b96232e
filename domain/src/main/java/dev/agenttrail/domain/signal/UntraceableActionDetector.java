package dev.agenttrail.domain.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code UNTRACEABLE_ACTION}: a high-risk action (a state change, or data at {@code confidential} or
 * {@code restricted}) that lacks who authorised it ({@code decision.authorizedBy}), why
 * ({@code intent}) or its task. Denied actions are the control working and do not count. Severity:
 * HIGH for a state change, MEDIUM otherwise.
 */
public final class UntraceableActionDetector implements SignalDetector {

  @Override
  public String signal() {
    return "UNTRACEABLE_ACTION";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    boolean sensitive = o.classification().map(c -> c.compareTo(Classification.CONFIDENTIAL) >= 0).orElse(false);
    boolean stateChange = o.stateChanging();
    if ((!stateChange && !sensitive) || o.outcome().map(x -> x.equals("deny")).orElse(false)
        || o.type().equals("task.started") || o.type().equals("approval.requested")) {
      return List.of();
    }
    List<String> missing = new ArrayList<>();
    if (o.authorizedBy().isEmpty()) {
      missing.add("who authorised it");
    }
    if (o.intent().isEmpty()) {
      missing.add("why (intent)");
    }
    if (o.task().isEmpty()) {
      missing.add("its task");
    }
    if (missing.isEmpty()) {
      return List.of();
    }
    return List.of(new Firing(signal(), o.agentId(), o.source(), o.task().orElse(null), List.of(o.seq()),
        stateChange ? Severity.HIGH : Severity.MEDIUM,
        "A " + (stateChange ? "state-changing action" : "access to " + o.classification().get().wireName() + " data")
            + " by " + o.agentId() + o.tool().map(t -> " with '" + t + "'").orElse("") + " does not say "
            + String.join(", ", missing) + "."));
  }
}
