package dev.agenttrail.domain.signal;

import java.util.Locale;
import java.util.Optional;

/**
 * Why an action was denied or blocked, as SIGNALS.md asks to tell apart:
 * <ul>
 *   <li>{@link #INTEGRATION}: the enforcement point failed to decide (decision outcome {@code error});</li>
 *   <li>{@link #MODEL_BEHAVIOUR}: the agent attempted something outside its task's declaration (a tool
 *       it did not declare, data above its classification or outside its scopes), so the model's
 *       behaviour caused the block;</li>
 *   <li>{@link #POLICY}: the agent asked for something within its declaration (or had none) and a
 *       policy said no.</li>
 * </ul>
 */
public enum BlockCause {
  POLICY,
  MODEL_BEHAVIOUR,
  INTEGRATION;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The cause of a denial or block, or empty when the observation is neither. */
  public static Optional<BlockCause> classify(Observation o, DetectionState state) {
    Optional<String> outcome = o.outcome();
    if (outcome.isEmpty()) {
      return Optional.empty();
    }
    if (outcome.get().equals("error")) {
      return Optional.of(INTEGRATION);
    }
    if (!outcome.get().equals("deny")) {
      return Optional.empty();
    }
    Optional<Declaration> declared = UndeclaredToolDetector.declaration(o, state);
    if (declared.isPresent()) {
      Declaration d = declared.get();
      boolean undeclaredTool = o.tool().map(t -> !d.allowsTool(t)).orElse(false);
      boolean beyondClassification = d.maxClassification() != null
          && o.classification().map(c -> c.compareTo(d.maxClassification()) > 0).orElse(false);
      boolean outsideScope = o.dataScope().map(s -> !d.allowsScope(s)).orElse(false);
      if (undeclaredTool || beyondClassification || outsideScope) {
        return Optional.of(MODEL_BEHAVIOUR);
      }
    }
    return Optional.of(POLICY);
  }
}
