package dev.agenttrail.domain.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CREDENTIAL_OVERSTAY}: a credential issued with a lifetime above the maximum, used after its
 * {@code expiresAt} or after the task it was issued for completed, or not revoked within the grace
 * period after its task completed. The last is found two ways: a {@code credential.revoked} whose
 * time is more than the grace after the completion, and, when no revocation comes at all, the clock
 * check ({@link #overdue}) once the grace has passed on AgentTrail's clock since it stored the
 * completion (so that replayed or late batches are judged by event time, not by arrival). Severity:
 * HIGH for use after expiry or completion and for a credential never revoked, MEDIUM for an
 * overlong lifetime or a late revocation.
 */
public final class CredentialOverstayDetector implements SignalDetector {

  private final Duration maxTtl;
  private final Duration grace;

  /** SIGNALS.md's defaults: at most one hour, revoked within five minutes. */
  public CredentialOverstayDetector() {
    this(Thresholds.DEFAULTS);
  }

  public CredentialOverstayDetector(Thresholds thresholds) {
    this.maxTtl = thresholds.credentialMaxTtl();
    this.grace = thresholds.credentialGrace();
  }

  @Override
  public String signal() {
    return "CREDENTIAL_OVERSTAY";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    if (o.type().equals("task.completed") && o.task().isPresent()) {
      state.recordTaskCompleted(o.agentId(), o.task().get(), o.occurredAt());
      for (String credential : state.taskCredentials(o.agentId(), o.task().get())) {
        if (!state.revoked(credential)) {
          state.expectRevocation(new DetectionState.PendingRevocation(credential, o.agentId(), o.source(), o.task().get(),
              o.occurredAt(), o.receivedAt().plus(grace), o.seq()));
        }
      }
      return List.of();
    }
    if (o.credentialId().isEmpty()) {
      return List.of();
    }
    String id = o.credentialId().get();
    if (o.type().equals("credential.issued")) {
      Instant issued = o.credentialTime("issuedAt").orElse(o.occurredAt());
      Optional<Instant> expires = o.credentialTime("expiresAt");
      state.recordCredential(new DetectionState.Credential(id, o.agentId(), o.task().orElse(null), issued, expires.orElse(null), o.seq()));
      if (expires.isPresent() && Duration.between(issued, expires.get()).compareTo(maxTtl) > 0) {
        return fire(o, List.of(o.seq()), Severity.MEDIUM, "The credential '" + id + "' was issued for "
            + minutes(Duration.between(issued, expires.get())) + "; the maximum is " + minutes(maxTtl) + ".");
      }
      return List.of();
    }
    if (o.type().equals("credential.revoked")) {
      state.recordRevoked(id, o.occurredAt());
      Optional<DetectionState.PendingRevocation> pending = state.takeRevocation(id);
      if (pending.isPresent() && Duration.between(pending.get().completedAt(), o.occurredAt()).compareTo(grace) > 0) {
        DetectionState.PendingRevocation p = pending.get();
        return List.of(new Firing(signal(), p.agentId(), o.source(), p.task(), List.of(p.seq(), o.seq()), Severity.MEDIUM,
            "The credential '" + id + "' was revoked " + minutes(Duration.between(p.completedAt(), o.occurredAt()))
                + " after its task " + p.task() + " completed; the grace period is " + minutes(grace) + "."));
      }
      return List.of();
    }
    if (!o.type().equals("credential.used") && !o.type().equals("tool.invocation") && !o.type().equals("data.access")
        && !o.type().equals("action.state_change")) {
      return List.of();
    }
    Optional<DetectionState.Credential> known = state.credential(id);
    Optional<Instant> expires = o.credentialTime("expiresAt").or(() -> known.map(DetectionState.Credential::expiresAt));
    if (expires.isPresent() && o.occurredAt().isAfter(expires.get())) {
      return fire(o, List.of(o.seq()), Severity.HIGH, "The credential '" + id + "' was used at " + o.occurredAt()
          + ", after it expired at " + expires.get() + ".");
    }
    Optional<String> task = known.map(DetectionState.Credential::task).or(o::task);
    Optional<Instant> completed = task.flatMap(t -> state.taskCompleted(known.map(DetectionState.Credential::agentId).orElse(o.agentId()), t));
    if (completed.isPresent() && o.occurredAt().isAfter(completed.get())) {
      return fire(o, List.of(o.seq()), Severity.HIGH, "The credential '" + id + "' was used at " + o.occurredAt()
          + ", after its task " + task.get() + " completed at " + completed.get() + ".");
    }
    return List.of();
  }

  /** The clock check: credentials whose task completed and that were not revoked by their due time. */
  public List<Firing> overdue(Instant now, DetectionState state) {
    List<Firing> out = new ArrayList<>();
    for (DetectionState.PendingRevocation p : state.pendingRevocations()) {
      if (now.isAfter(p.dueBy())) {
        state.takeRevocation(p.credentialId());
        out.add(new Firing(signal(), p.agentId(), p.source(), p.task(), List.of(p.seq()), Severity.HIGH,
            "The credential '" + p.credentialId() + "' was not revoked within " + minutes(grace) + " after its task "
                + p.task() + " completed at " + p.completedAt() + "."));
      }
    }
    return out;
  }

  static String minutes(Duration d) {
    long seconds = d.toSeconds();
    if (seconds % 60 != 0 || seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = seconds / 60;
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  private List<Firing> fire(Observation o, List<Long> evidence, Severity severity, String explanation) {
    return List.of(new Firing(signal(), o.agentId(), o.source(), o.task().orElse(null), evidence, severity, explanation));
  }
}
