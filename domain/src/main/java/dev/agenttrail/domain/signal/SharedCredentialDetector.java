package dev.agenttrail.domain.signal;

import java.util.List;
import java.util.Map;

/**
 * {@code SHARED_CREDENTIAL}: one credential id used by more than one agent identity. Fires once for
 * each further agent, with the first use by each of the others as evidence. Severity: HIGH.
 */
public final class SharedCredentialDetector implements SignalDetector {

  @Override
  public String signal() {
    return "SHARED_CREDENTIAL";
  }

  @Override
  public List<Firing> observe(Observation o, DetectionState state) {
    if (o.credentialId().isEmpty() || o.type().equals("credential.revoked")) {
      return List.of();
    }
    String credential = o.credentialId().get();
    Map<String, Long> users = state.credentialUsers(credential);
    if (users.containsKey(o.agentId())) {
      return List.of();
    }
    state.recordCredentialUser(credential, o.agentId(), o.seq());
    if (users.isEmpty()) {
      return List.of();
    }
    List<Long> evidence = new java.util.ArrayList<>(users.values().stream().sorted().toList());
    evidence.add(o.seq());
    return List.of(new Firing(signal(), o.agentId(), o.source(), o.task().orElse(null), evidence, Severity.HIGH,
        "The credential '" + credential + "' was used by " + o.agentId() + " and also by "
            + String.join(", ", users.keySet().stream().sorted().toList()) + "."));
  }
}
