package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.reports.evidence.EscalationCase;
import dev.agenttrail.reports.evidence.EscalationFeed;
import dev.agenttrail.reports.evidence.PackScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The escalation feed until the escalation module backs it: no cases, and {@link #available()}
 * false so that packs say escalations are not reported rather than "none happened".
 * TODO[lead] issue #7: replace with a feed over the escalation tables (V5) at merge.
 */
@ApplicationScoped
public class NoEscalationFeed implements EscalationFeed {

  @Override
  public List<EscalationCase> cases(PackScope scope) {
    return List.of();
  }

  @Override
  public boolean available() {
    return false;
  }
}
