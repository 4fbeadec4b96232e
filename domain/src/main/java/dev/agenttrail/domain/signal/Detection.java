package dev.agenttrail.domain.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the detectors over observations in ledger order. It records task declarations first, so a
 * {@code task.started} is in force for the events after it.
 */
public final class Detection {

  private final List<SignalDetector> detectors;

  public Detection(List<SignalDetector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /** The detectors built so far, with SIGNALS.md's defaults. */
  public static Detection withDefaults() {
    return new Detection(List.of(new UndeclaredToolDetector(), new DenyThenOverrideDetector(), new ScopeExpansionDetector(),
        new SharedCredentialDetector(), new UntraceableActionDetector(), new CredentialOverstayDetector()));
  }

  public List<Firing> observe(Observation o, DetectionState state) {
    if (o.type().equals("task.started") && o.task().isPresent()) {
      o.declaration().ifPresent(d -> state.declareTask(o.agentId(), o.task().get(), d));
    }
    List<Firing> firings = new ArrayList<>();
    for (SignalDetector detector : detectors) {
      firings.addAll(detector.observe(o, state));
    }
    return firings;
  }
}
