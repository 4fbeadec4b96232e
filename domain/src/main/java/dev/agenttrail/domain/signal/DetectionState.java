package dev.agenttrail.domain.signal;

import dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What detectors remember between events, and what they look up outside the event stream. The
 * webapp keeps it in the {@code detection_state} table, written in the same transaction as the
 * detection cursor ({@link StoredDetectionState} over a {@link StateStore}); {@link
 * InMemoryDetectionState} is the same logic in memory, for tests.
 */
public interface DetectionState {

  /** The declaration of a task, from its {@code task.started} event. */
  Optional<Declaration> taskDeclaration(String agentId, String task);

  void declareTask(String agentId, String task, Declaration declaration);

  /** A workflow declaration registered for an agent (over REST), used when a task declared nothing. */
  Optional<Declaration> workflowDeclaration(String agentId, String workflow);

  /** Remembers a denial of {@code subject} (a tool or a policy) for an agent. */
  void recordDenial(String agentId, String subject, Instant at, long seq);

  /** Denials of {@code subject} for the agent at or after {@code since}, oldest first. */
  List<Denial> denialsSince(String agentId, String subject, Instant since);

  /** Forgets the agent's denials of {@code subject} (after an allow or an override). */
  void clearDenials(String agentId, String subject);

  /** The first ledger entry at which each agent used a credential, by agent id. */
  Map<String, Long> credentialUsers(String credentialId);

  void recordCredentialUser(String credentialId, String agentId, long seq);

  /** What is known of a credential from its {@code credential.issued}. */
  Optional<Credential> credential(String credentialId);

  void recordCredential(Credential credential);

  /** Whether a {@code credential.revoked} was seen for the credential. */
  boolean revoked(String credentialId);

  /** Marks a credential revoked; returns false if it was revoked before. */
  boolean recordRevoked(String credentialId, Instant at);

  /** When the agent's task completed, if it did. */
  Optional<Instant> taskCompleted(String agentId, String task);

  void recordTaskCompleted(String agentId, String task, Instant at);

  /** Credentials issued for the agent's task, in issue order. */
  List<String> taskCredentials(String agentId, String task);

  /** Expects a credential to be revoked (its task completed); the clock check fires if it is not. */
  void expectRevocation(PendingRevocation pending);

  /** The expected revocation of a credential, if one is pending; removes it. */
  Optional<PendingRevocation> takeRevocation(String credentialId);

  List<PendingRevocation> pendingRevocations();

  /** The state of the approval (escalation case, or the enforcement point's own) an action relies on. */
  Optional<ApprovalStatus> approval(String source, String approvalId);

  /** Remembers an enforcement point's own approval decision ({@code approval.decided}). */
  void recordApprovalDecided(String source, String approvalId, String status, Instant at, long seq);

  /** The agent's session profile: its current session and its baseline of earlier sessions. */
  Optional<SessionProfile> sessionProfile(String agentId);

  void saveSessionProfile(String agentId, SessionProfile profile);

  /** Decision outcomes of a source per minute, for the error rate. */
  List<DecisionMinute> decisionMinutes(String source);

  void saveDecisionMinutes(String source, List<DecisionMinute> minutes);

  /** Remembers the last event a source sent (for the silence check). */
  void recordSeen(String source, Instant receivedAt, long seq);

  /** The last event each source sent, by source. */
  Map<String, Seen> lastSeen();

  /** Notes that a source's current silence was reported, so that it is reported once. */
  void markSilenceReported(String source);

  /** The mode a source was registered with (enforce, observe, alert), if known. */
  Optional<String> sourceMode(String source);

  /** A credential as issued: to whom, for which task, until when. */
  record Credential(String id, String agentId, String task, Instant issuedAt, Instant expiresAt, long seq) {}

  /** A remembered denial. */
  record Denial(Instant at, long seq) {}

  /**
   * A revocation AgentTrail waits for: the task completed at {@code completedAt} (ledger entry
   * {@code seq}) and the credential must be revoked by {@code dueBy}, on AgentTrail's clock.
   */
  record PendingRevocation(
      String credentialId, String agentId, String source, String task, Instant completedAt, Instant dueBy, long seq) {}

  /**
   * An agent's sessions: the current one's id and items (tools and resources it used), the items of
   * its earlier sessions (newest last) and the sessions of it that already fired.
   */
  record SessionProfile(String session, Set<String> items, List<Set<String>> baseline, boolean fired) {
    public SessionProfile {
      items = Set.copyOf(items);
      baseline = List.copyOf(baseline.stream().map(Set::copyOf).toList());
    }
  }

  /** Decisions of one minute (epoch minute) and which of them were errors. */
  record DecisionMinute(long minute, int total, int errors, List<Long> errorSeqs) {
    public DecisionMinute {
      errorSeqs = List.copyOf(errorSeqs);
    }
  }

  /** The last event seen from a source. */
  record Seen(Instant receivedAt, long seq, boolean silenceReported) {}
}
