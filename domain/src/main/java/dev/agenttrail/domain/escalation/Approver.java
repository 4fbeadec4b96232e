package dev.agenttrail.domain.escalation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may decide at a level: every holder of a role ({@code role:APPROVER}) or one named user
 * ({@code user:risk-officer}).
 */
public record Approver(Kind kind, String name) {

  public enum Kind {
    ROLE,
    USER
  }

  private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z_]{0,31}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /**
   * Parses {@code role:NAME} or {@code user:name}.
   *
   * @throws IllegalArgumentException with a message fit for the client
   */
  public static Approver parse(String text) {
    if (text != null && text.startsWith("role:") && ROLE.matcher(text.substring(5)).matches()) {
      return new Approver(Kind.ROLE, text.substring(5));
    }
    if (text != null && text.startsWith("user:") && USER.matcher(text.substring(5)).matches()) {
      return new Approver(Kind.USER, text.substring(5));
    }
    throw new IllegalArgumentException("an approver is 'role:<ROLE>' (e.g. role:APPROVER) or 'user:<username>', not '" + text + "'");
  }

  /** Whether this person may decide as this approver. */
  public boolean admits(Decider decider) {
    return kind == Kind.ROLE ? decider.roles().contains(name) : decider.name().equals(name);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
  }
}
