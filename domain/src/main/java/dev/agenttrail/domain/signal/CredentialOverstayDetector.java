package dev.agenttrail.domain.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code CREDENTIAL_OVERSTAY}, the parts an event shows: a credential issued with a lifetime above
 * the maximum, or used after its {@code expiresAt} or after the task it was issued for completed.
 * (A credential not revoked within the grace period after its task completed is found by the
 * clock-driven check that comes with the detection worker.) Severity: HIGH for use after expiry or
 * completion, MEDIUM for an overlong lifetime.
 */
public final class CredentialOverstayDetector implements SignalDetector {

  private final Duration maxTtl;

  /** SIGNALS.md's default: at most one hour. */
  public CredentialOverstayDetector() {
    this(Duration.ofHours(1));
  }

  public CredentialOverstayDetector(Duration maxTtl) {
    this.maxTtl = maxTtl;
  }

  @Override
  public String signal() {
    return "CREDENTIAL_OVERSTAY";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    if (o.type().equals("task.completed") && o.task().isPresent()) {
      state.recordTaskCompleted(o.agentId(), o.task().get(), o.occurredAt());
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
        return fire(o, Severity.MEDIUM, "The credential '" + id + "' was issued for "
            + Duration.between(issued, expires.get()).toMinutes() + " minutes; the maximum is " + maxTtl.toMinutes() + ".");
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
      return fire(o, Severity.HIGH, "The credential '" + id + "' was used at " + o.occurredAt() + ", after it expired at "
          + expires.get() + ".");
    }
    Optional<String> task = known.map(DetectionState.Credential::task).or(o::task);
    Optional<Instant> completed = task.flatMap(t -> state.taskCompleted(known.map(DetectionState.Credential::agentId).orElse(o.agentId()), t));
    if (completed.isPresent() && o.occurredAt().isAfter(completed.get())) {
      return fire(o, Severity.HIGH, "The credential '" + id + "' was used at " + o.occurredAt() + ", after its task "
          + task.get() + " completed at " + completed.get() + ".");
    }
    return List.of();
  }

  private List<Firing> fire(Observation o, Severity severity, String explanation) {
    return List.of(new Firing(signal(), o.agentId(), o.task().orElse(null), List.of(o.seq()), severity, explanation));
  }
}
