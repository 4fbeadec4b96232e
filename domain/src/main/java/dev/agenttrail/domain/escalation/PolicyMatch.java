package dev.agenttrail.domain.escalation;

import dev.agenttrail.domain.signal.Classification;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which requests a policy covers. Each list holds patterns where {@code *} stands for any run of
 * characters ({@code payments.*}); an empty list matches everything. All given criteria must hold.
 * {@code minClassification} matches data at that classification or above; a request without a
 * classification does not match a policy that sets one.
 */
public record PolicyMatch(
    List<String> sources,
    List<String> tools,
    List<String> operations,
    Classification minClassification,
    List<String> agents) {

  public PolicyMatch {
    sources = List.copyOf(sources == null ? List.of() : sources);
    tools = List.copyOf(tools == null ? List.of() : tools);
    operations = List.copyOf(operations == null ? List.of() : operations);
    agents = List.copyOf(agents == null ? List.of() : agents);
  }

  public static PolicyMatch everything() {
    return new PolicyMatch(List.of(), List.of(), List.of(), null, List.of());
  }

  public boolean matches(ApprovalRequest r) {
    if (minClassification != null) {
      Classification c;
      try {
        c = Classification.of(r.classification());
      } catch (IllegalArgumentException e) {
        c = null;
      }
      if (c == null || c.compareTo(minClassification) < 0) {
        return false;
      }
    }
    return any(sources, r.source()) && any(tools, r.tool()) && any(operations, r.operation()) && any(agents, r.agentId());
  }

  private static boolean any(List<String> patterns, String value) {
    if (patterns.isEmpty()) {
      return true;
    }
    return value != null && patterns.stream().anyMatch(p -> glob(p).matcher(value).matches());
  }

  static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    String[] parts = pattern.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      if (!parts[i].isEmpty()) {
        regex.append(Pattern.quote(parts[i]));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
