package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.incident.IncidentStatus;
import dev.agenttrail.domain.incident.LifecycleAction;
import dev.agenttrail.webapp.infrastructure.detection.JdbcIncidents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** An incident's lifecycle: acknowledge, resolve, false positive, accept a risk, reopen. */
@ApplicationScoped
public class IncidentService {

  @Inject
  JdbcIncidents incidents;

  @Inject
  Clock clock;

  /**
   * Applies a lifecycle action as {@code actor}, recording who, when and why.
   *
   * @throws NotFoundException if there is no such incident
   * @throws ConflictException if the action is not allowed from the incident's status, or the
   *     incident changed at the same moment
   * @throws InvalidRequestException if the reason or the expiry is missing or invalid
   */
  @Transactional
  public JdbcIncidents.Incident apply(long id, LifecycleAction action, String reason, Instant expiresAt, String actor) {
    JdbcIncidents.Incident incident = incidents.get(id).orElseThrow(() -> new NotFoundException("There is no incident " + id + "."));
    IncidentStatus current = IncidentStatus.of(incident.status()).orElseThrow();
    Instant now = clock.instant();
    IncidentStatus target;
    try {
      target = action.apply(current, reason, expiresAt, now);
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage().contains("expiry") ? "/expiresAt" : "/reason", e.getMessage());
    }
    if (!incidents.transition(id, current.wireName(), target.wireName(), actor, reason, expiresAt, now)) {
      throw new ConflictException("Incident " + id + " changed at the same moment; reload it and try again.");
    }
    return incidents.get(id).orElseThrow();
  }
}
