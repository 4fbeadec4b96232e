package dev.agenttrail.domain.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ENFORCEMENT_GAP}: the enforcement point itself is not controlling. Three cases:
 * <ul>
 *   <li>decisions with outcome {@code error} above the error rate over the window, counted per source
 *       in minutes of event time (checked at each error; evidence: the errors in the window);</li>
 *   <li>a state-changing action decided in {@code observe} or {@code alert} mode (the decision's mode,
 *       else the mode the source was registered with), so nothing enforced it;</li>
 *   <li>a source that sent nothing for longer than its heartbeat (the clock check {@link #silent};
 *       reported once per silence).</li>
 * </ul>
 * Source-level firings are about the source, not an agent. Severity: HIGH, MEDIUM for silence.
 */
public final class EnforcementGapDetector implements SignalDetector {

  private final double errorRate;
  private final Duration window;
  private final Duration defaultSilence;

  public EnforcementGapDetector(Thresholds thresholds) {
    this.errorRate = thresholds.errorRate();
    this.window = thresholds.errorWindow();
    this.defaultSilence = thresholds.silence();
  }

  @Override
  public String signal() {
    return "ENFORCEMENT_GAP";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    state.recordSeen(o.source(), o.receivedAt(), o.seq());
    if (o.outcome().isEmpty()) {
      return List.of();
    }
    List<Firing> out = new ArrayList<>();
    boolean error = o.outcome().get().equals("error");
    long minute = o.occurredAt().getEpochSecond() / 60;
    long oldest = minute - Math.max(1, window.toMinutes()) + 1;
    List<DetectionState.DecisionMinute> minutes = new ArrayList<>();
    DetectionState.DecisionMinute now = null;
    for (DetectionState.DecisionMinute m : state.decisionMinutes(o.source())) {
      if (m.minute() == minute) {
        now = m;
      } else if (m.minute() >= oldest && m.minute() <= minute) {
        minutes.add(m);
      }
    }
    List<Long> seqs = new ArrayList<>(now == null ? List.of() : now.errorSeqs());
    if (error && seqs.size() < 50) {
      seqs.add(o.seq());
    }
    now = new DetectionState.DecisionMinute(minute, (now == null ? 0 : now.total()) + 1, (now == null ? 0 : now.errors()) + (error ? 1 : 0), seqs);
    minutes.add(now);
    state.saveDecisionMinutes(o.source(), minutes);
    if (error) {
      int total = minutes.stream().mapToInt(DetectionState.DecisionMinute::total).sum();
      int errors = minutes.stream().mapToInt(DetectionState.DecisionMinute::errors).sum();
      if ((double) errors / total > errorRate) {
        List<Long> evidence = minutes.stream().flatMap(m -> m.errorSeqs().stream()).sorted().toList();
        out.add(new Firing(signal(), null, o.source(), "error rate", evidence, Severity.HIGH,
            "Enforcement point " + o.source() + " answered " + errors + " of " + total + " decisions with an error within "
                + CredentialOverstayDetector.minutes(window) + " (" + Math.round(100.0 * errors / total)
                + " %, threshold " + Math.round(errorRate * 100) + " %): actions went through or were blocked without a policy deciding."));
      }
    }
    String mode = o.mode().or(() -> state.sourceMode(o.source())).orElse("enforce");
    if (o.stateChanging() && !mode.equals("enforce")) {
      out.add(new Firing(signal(), null, o.source(), mode + " mode", List.of(o.seq()), Severity.HIGH,
          "Enforcement point " + o.source() + " decided a state change by " + o.agentId() + o.tool().map(t -> " with '" + t + "'").orElse("")
              + " in " + mode + " mode, so nothing enforced the decision."));
    }
    return out;
  }

  /**
   * The clock check: sources silent for longer than their heartbeat (or the default silence), each
   * reported once until it sends again.
   *
   * @param heartbeats each registered source's expected heartbeat, or null for the default
   */
  public List<Firing> silent(Instant now, DetectionState state, Map<String, Duration> heartbeats) {
    List<Firing> out = new ArrayList<>();
    state.lastSeen().forEach((source, seen) -> {
      if (!heartbeats.containsKey(source) || seen.silenceReported()) {
        return;
      }
      Duration heartbeat = heartbeats.get(source) != null ? heartbeats.get(source) : defaultSilence;
      if (Duration.between(seen.receivedAt(), now).compareTo(heartbeat) > 0) {
        state.markSilenceReported(source);
        out.add(new Firing(signal(), null, source, "silence", List.of(seen.seq()), Severity.MEDIUM,
            "Enforcement point " + source + " has sent nothing since " + seen.receivedAt() + ", longer than its heartbeat of "
                + CredentialOverstayDetector.minutes(heartbeat) + ": it may have stopped, or agents may bypass it."));
      }
    });
    return out;
  }
}
