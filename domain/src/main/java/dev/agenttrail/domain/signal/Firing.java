package dev.agenttrail.domain.signal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One firing of a signal: for which agent (or, for source-level signals such as a silent
 * enforcement point, which source) and task, on which evidence (ledger {@code seq}s), how severe,
 * and why, in words an analyst reads without the rule book.
 *
 * @param agentId the agent, or null when the firing is about a source as a whole
 * @param source the enforcement point that reported the evidence
 * @param task the task, or for signals that group otherwise a grouping word (a session, "silence")
 */
public record Firing(
    String signal, String agentId, String source, String task, List<Long> evidence, Severity severity, String explanation) {

  public Firing {
    evidence = List.copyOf(evidence);
    if (agentId == null && source == null) {
      throw new IllegalArgumentException("a firing is about an agent or a source");
    }
  }

  /** What the firing is about: the agent, or {@code source:<name>} for a source-level signal. */
  public String subject() {
    return agentId != null ? agentId : "source:" + source;
  }

  /**
   * The incident this firing belongs to: SHA-256 hex of {@code signal|subject|task}. Repeated
   * firings of one signal for one subject and task share it, so they add evidence to one incident.
   */
  public String groupKey() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((signal + "|" + subject() + "|" + (task == null ? "" : task)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
