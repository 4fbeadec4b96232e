package dev.agenttrail.catalog.api;

import java.util.List;
import java.util.stream.Collectors;

/** Picks the entries whose ids are nearest to an unknown identifier, by edit distance. */
final class ClosestIds {

  static final int LIMIT = 5;

  /** An entry and its edit distance to the identifier. */
  record Scored(FrameworkEntry entry, int distance) {}

  private ClosestIds() {}

  /** The entries at the smallest distance, in the order given, at most {@link #LIMIT}. */
  static List<EntryRef> nearest(List<Scored> scored) {
    int best = scored.stream().mapToInt(Scored::distance).min().orElse(0);
    return scored.stream()
        .filter(s -> s.distance() == best)
        .limit(LIMIT)
        .map(s -> s.entry().ref())
        .collect(Collectors.toList());
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
