package dev.agenttrail.domain.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SCOPE_EXPANSION}: a {@code data.access} (read-only included) above the task's
 * {@code maxClassification} or outside its declared {@code dataScopes}. Severity: HIGH for
 * confidential or restricted data, MEDIUM otherwise.
 */
public final class ScopeExpansionDetector implements SignalDetector {

  @Override
  public String signal() {
    return "SCOPE_EXPANSION";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    if (!o.type().equals("data.access")) {
      return List.of();
    }
    Optional<Declaration> declared = UndeclaredToolDetector.declaration(o, state);
    if (declared.isEmpty()) {
      return List.of();
    }
    List<String> reasons = new ArrayList<>();
    Optional<Classification> classification = o.classification();
    Classification max = declared.get().maxClassification();
    if (classification.isPresent() && max != null && classification.get().compareTo(max) > 0) {
      reasons.add("read " + classification.get().wireName() + " data although the task allows at most " + max.wireName());
    }
    Optional<String> scope = o.dataScope();
    if (scope.isPresent() && !declared.get().allowsScope(scope.get())) {
      reasons.add("reached the data scope '" + scope.get() + "', which the task did not declare");
    }
    if (reasons.isEmpty()) {
      return List.of();
    }
    boolean sensitive = classification.map(c -> c.compareTo(Classification.CONFIDENTIAL) >= 0).orElse(false);
    return List.of(new Firing(signal(), o.agentId(), o.source(), o.task().orElse(null), List.of(o.seq()),
        sensitive ? Severity.HIGH : Severity.MEDIUM,
        "Agent " + o.agentId() + " " + String.join(" and ", reasons) + "."));
  }
}
