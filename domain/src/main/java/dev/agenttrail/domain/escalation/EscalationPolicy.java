package dev.agenttrail.domain.escalation;

import java.util.List;
import java.util.regex.Pattern;

/** Who must approve which state-changing actions, level by level, and by when. */
public record EscalationPolicy(String name, PolicyMatch match, List<EscalationLevel> levels) {

  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public EscalationPolicy {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a policy name is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (levels == null || levels.isEmpty()) {
      throw new IllegalArgumentException("a policy needs at least one level");
    }
    match = match == null ? PolicyMatch.everything() : match;
    levels = List.copyOf(levels);
  }

  public boolean covers(ApprovalRequest request) {
    return match.matches(request);
  }
}
