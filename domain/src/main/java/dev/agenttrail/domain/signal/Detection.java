package dev.agenttrail.domain.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the nine detectors over observations in ledger order, and the clock checks. It records task
 * declarations first, so a {@code task.started} is in force for the events after it.
 */
public final class Detection {

  private final List<SignalDetector> detectors;
  private final CredentialOverstayDetector overstay;
  private final EnforcementGapDetector gap;

  public Detection(Thresholds thresholds) {
    this.overstay = new CredentialOverstayDetector(thresholds);
    this.gap = new EnforcementGapDetector(thresholds);
    this.detectors = List.of(new UndeclaredToolDetector(), new DenyThenOverrideDetector(thresholds),
        new SessionDriftDetector(thresholds), new ScopeExpansionDetector(), overstay, new SharedCredentialDetector(),
        new UnescalatedStateChangeDetector(), new UntraceableActionDetector(), gap);
  }

  /** The detectors with SIGNALS.md's defaults. */
  public static Detection withDefaults() {
    return new Detection(Thresholds.DEFAULTS);
  }

  public List<Firing> observe(Observation o, DetectionState state) {
    if (o.type().equals("task.started") && o.task().isPresent()) {
      o.declaration().ifPresent(d -> state.declareTask(o.agentId(), o.task().get(), d));
    }
    List<Firing> firings = new ArrayList<>(1);
    for (SignalDetector detector : detectors) {
      firings.addAll(detector.observe(o, state));
    }
    return firings;
  }

  /**
   * The checks that the passing of time triggers: credentials not revoked in time, silent sources.
   *
   * @param heartbeats each registered source's heartbeat, or null for the default silence
   */
  public List<Firing> tick(Instant now, DetectionState state, Map<String, Duration> heartbeats) {
    List<Firing> firings = new ArrayList<>(overstay.overdue(now, state));
    firings.addAll(gap.silent(now, state, heartbeats));
    return firings;
  }
}
