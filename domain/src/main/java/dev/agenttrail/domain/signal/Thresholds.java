package dev.agenttrail.domain.signal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configurable thresholds of the signals, with SIGNALS.md's defaults. Each has a name such as
 * {@code DENY_THEN_OVERRIDE.count}; {@link #with(Map)} applies changed values by name and rejects an
 * unknown name or a value out of range with a message that says so.
 */
public record Thresholds(
    int denyCount,
    Duration denyWindow,
    double driftDistance,
    int driftSessions,
    int driftMinSessions,
    Duration credentialMaxTtl,
    Duration credentialGrace,
    double errorRate,
    Duration errorWindow,
    Duration silence) {

  public static final Thresholds DEFAULTS = new Thresholds(3, Duration.ofMinutes(15), 0.5, 5, 3, Duration.ofHours(1),
      Duration.ofMinutes(5), 0.05, Duration.ofMinutes(10), Duration.ofMinutes(15));

  /** Every threshold by name, with its value in wire form (numbers, ISO 8601 durations). */
  public Map<String, String> byName() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("DENY_THEN_OVERRIDE.count", Integer.toString(denyCount));
    out.put("DENY_THEN_OVERRIDE.window", denyWindow.toString());
    out.put("SESSION_DRIFT.distance", Double.toString(driftDistance));
    out.put("SESSION_DRIFT.sessions", Integer.toString(driftSessions));
    out.put("SESSION_DRIFT.minSessions", Integer.toString(driftMinSessions));
    out.put("CREDENTIAL_OVERSTAY.maxTtl", credentialMaxTtl.toString());
    out.put("CREDENTIAL_OVERSTAY.grace", credentialGrace.toString());
    out.put("ENFORCEMENT_GAP.errorRate", Double.toString(errorRate));
    out.put("ENFORCEMENT_GAP.errorWindow", errorWindow.toString());
    out.put("ENFORCEMENT_GAP.silence", silence.toString());
    return out;
  }

  /**
   * These thresholds with some changed.
   *
   * @throws IllegalArgumentException naming the threshold, if a name is unknown or a value invalid
   */
  public Thresholds with(Map<String, String> changes) {
    Map<String, String> all = byName();
    for (Map.Entry<String, String> change : changes.entrySet()) {
      if (!all.containsKey(change.getKey())) {
        throw new IllegalArgumentException("There is no threshold '" + change.getKey() + "'; the thresholds are "
            + String.join(", ", all.keySet()) + ".");
      }
      all.put(change.getKey(), change.getValue());
    }
    Thresholds t = new Thresholds(
        count(all, "DENY_THEN_OVERRIDE.count"), duration(all, "DENY_THEN_OVERRIDE.window"),
        fraction(all, "SESSION_DRIFT.distance"), count(all, "SESSION_DRIFT.sessions"), count(all, "SESSION_DRIFT.minSessions"),
        duration(all, "CREDENTIAL_OVERSTAY.maxTtl"), duration(all, "CREDENTIAL_OVERSTAY.grace"),
        fraction(all, "ENFORCEMENT_GAP.errorRate"), duration(all, "ENFORCEMENT_GAP.errorWindow"),
        duration(all, "ENFORCEMENT_GAP.silence"));
    if (t.driftMinSessions > t.driftSessions) {
      throw new IllegalArgumentException("SESSION_DRIFT.minSessions (" + t.driftMinSessions
          + ") cannot exceed SESSION_DRIFT.sessions (" + t.driftSessions + ").");
    }
    return t;
  }

  private static int count(Map<String, String> all, String name) {
    try {
      int n = Integer.parseInt(all.get(name).trim());
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number from 1 to 1000, not '" + all.get(name) + "'.");
  }

  private static double fraction(Map<String, String> all, String name) {
    try {
      double d = Double.parseDouble(all.get(name).trim());
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a number from 0 to 1, not '" + all.get(name) + "'.");
  }

  private static Duration duration(Map<String, String> all, String name) {
    try {
      Duration d = Duration.parse(all.get(name).trim());
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive ISO 8601 duration such as PT15M, not '"
        + all.get(name) + "'.");
  }
}
