package dev.agenttrail.catalog.api;

import java.util.Comparator;

/** Orders version strings part by part, numerically where both parts are numbers: 1.9 < 1.10. */
final class VersionOrder implements Comparator<String> {

  static final VersionOrder INSTANCE = new VersionOrder();

  private VersionOrder() {}

  @Override
  public int compare(String a, String b) {
    String[] left = a.split("[._-]");
    String[] right = b.split("[._-]");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = comparePart(left[i], right[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static int comparePart(String left, String right) {
    if (left.matches("\\d+") && right.matches("\\d+")) {
      String l = left.replaceFirst("^0+(?=\\d)", "");
      String r = right.replaceFirst("^0+(?=\\d)", "");
      return l.length() != r.length() ? Integer.compare(l.length(), r.length()) : l.compareTo(r);
    }
    return left.compareTo(right);
  }
}
