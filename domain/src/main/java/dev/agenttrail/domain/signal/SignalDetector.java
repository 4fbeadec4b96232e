package dev.agenttrail.domain.signal;

import java.util.List;

/** One signal's rule: reads an observation, updates its state, reports what fires. */
public interface SignalDetector {

  /** The signal id of SIGNALS.md, e.g. {@code UNDECLARED_TOOL}. */
  String signal();

  List<Firing> observe(Observation o, DetectionState state);
}
