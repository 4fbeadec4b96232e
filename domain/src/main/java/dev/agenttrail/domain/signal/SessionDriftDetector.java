package dev.agenttrail.domain.signal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SESSION_DRIFT}: an agent's profile in a session differs from its baseline, the profiles of
 * its previous sessions.
 *
 * <p>The profile is the set of tools and data scopes a session used. The rule is checked whenever a
 * session adds an item that none of the baseline sessions had:
 * the session so far is compared with each of the last {@code sessions} sessions (Jaccard distance,
 * 1 - |A∩B| / |A∪B|), and it fires when even the closest of them is further than the threshold.
 * Comparing with the closest session, and only on something new, keeps an agent that uses a few of
 * its usual tools in one session and others in the next from firing. An item the task or workflow
 * declared is an approved change and does not count as new. There is no baseline before
 * {@code minSessions} sessions. A session fires once. Severity: MEDIUM.
 */
public final class SessionDriftDetector implements SignalDetector {

  private final double distance;
  private final int sessions;
  private final int minSessions;

  public SessionDriftDetector(Thresholds thresholds) {
    this.distance = thresholds.driftDistance();
    this.sessions = thresholds.driftSessions();
    this.minSessions = thresholds.driftMinSessions();
  }

  @Override
  public String signal() {
    return "SESSION_DRIFT";
  }

  /**
   * What a session's profile holds of an event: its tool and its data scope. Resources count by
   * their scope, not by name: a profile of individual records (a customer id per call) would make
   * every session look new.
   */
  static List<String> items(Observation o) {
    List<String> items = new ArrayList<>(2);
    o.tool().ifPresent(t -> items.add("tool:" + t));
    o.dataScope().ifPresent(s -> items.add("scope:" + s));
    return items;
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    if (o.session().isEmpty() || !(o.type().equals("tool.invocation") || o.type().equals("data.access")
        || o.type().equals("action.state_change"))) {
      return List.of();
    }
    List<String> items = items(o);
    if (items.isEmpty()) {
      return List.of();
    }
    String session = o.session().get();
    DetectionState.SessionProfile profile = state.sessionProfile(o.agentId())
        .orElse(new DetectionState.SessionProfile(session, Set.of(), List.of(), false));
    if (!profile.session().equals(session)) {
      List<Set<String>> baseline = new ArrayList<>(profile.baseline());
      if (!profile.items().isEmpty()) {
        baseline.add(profile.items());
      }
      while (baseline.size() > sessions) {
        baseline.remove(0);
      }
      profile = new DetectionState.SessionProfile(session, Set.of(), baseline, false);
    }
    Set<String> current = new LinkedHashSet<>(profile.items());
    boolean grew = current.addAll(items);
    if (!grew) {
      return List.of();
    }
    Set<String> known = new HashSet<>();
    profile.baseline().forEach(known::addAll);
    boolean somethingNew = items.stream().anyMatch(i -> !known.contains(i) && !declared(i, o, state));
    boolean fire = false;
    double closest = 0;
    if (!profile.fired() && somethingNew && profile.baseline().size() >= minSessions) {
      closest = profile.baseline().stream().mapToDouble(b -> jaccardDistance(current, b)).min().orElse(1);
      fire = closest > distance;
    }
    state.saveSessionProfile(o.agentId(), new DetectionState.SessionProfile(session, current, profile.baseline(), profile.fired() || fire));
    if (!fire) {
      return List.of();
    }
    List<String> fresh = current.stream().filter(i -> !known.contains(i)).sorted().toList();
    return List.of(new Firing(signal(), o.agentId(), o.source(), o.task().orElse("session " + session), List.of(o.seq()),
        Severity.MEDIUM, "In session " + session + " agent " + o.agentId() + " used " + String.join(", ", fresh)
            + ", which none of its last " + profile.baseline().size() + " sessions used; its profile is "
            + Math.round(closest * 100) + " % different from the closest of them (threshold " + Math.round(distance * 100)
            + " %)."));
  }

  private static boolean declared(String item, Observation o, DetectionState state) {
    if (!item.startsWith("tool:")) {
      return item.startsWith("scope:") && UndeclaredToolDetector.declaration(o, state)
          .map(d -> d.allowsScope(item.substring("scope:".length()))).orElse(false);
    }
    Optional<Declaration> declaration = UndeclaredToolDetector.declaration(o, state);
    return declaration.map(d -> d.allowsTool(item.substring("tool:".length()))).orElse(false);
  }

  static double jaccardDistance(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    long common = a.stream().filter(b::contains).count();
    return 1 - (double) common / union.size();
  }
}
