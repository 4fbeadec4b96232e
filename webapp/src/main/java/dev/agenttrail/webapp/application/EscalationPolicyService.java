package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.escalation.EscalationPolicy;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEscalationPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Escalation policies (admin). A change applies to cases opened afterwards; running cases keep their levels. */
@ApplicationScoped
@Transactional
public class EscalationPolicyService {

  @Inject
  JdbcEscalationPolicies policies;

  @Inject
  Clock clock;

  public JdbcEscalationPolicies.Stored create(EscalationPolicy p) {
    if (policies.find(p.name()).isPresent()) {
      throw new ConflictException("an escalation policy named '" + p.name() + "' exists already; PUT changes it");
    }
    policies.insert(p, clock.instant());
    return get(p.name());
  }

  public JdbcEscalationPolicies.Stored replace(EscalationPolicy p) {
    if (!policies.replace(p, clock.instant())) {
      throw new NotFoundException("no escalation policy named '" + p.name() + "'");
    }
    return get(p.name());
  }

  public void delete(String name) {
    if (!policies.delete(name)) {
      throw new NotFoundException("no escalation policy named '" + name + "'");
    }
  }

  public JdbcEscalationPolicies.Stored get(String name) {
    return policies.find(name).orElseThrow(() -> new NotFoundException("no escalation policy named '" + name + "'"));
  }

  public List<JdbcEscalationPolicies.Stored> all() {
    return policies.all();
  }
}
