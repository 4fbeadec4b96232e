package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.access.EnforcementMode;
import dev.agenttrail.domain.access.IngestKey;
import dev.agenttrail.domain.access.Source;
import dev.agenttrail.webapp.infrastructure.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Registers enforcement points and manages their ingest keys. */
@ApplicationScoped
@Transactional
public class SourceService {

  @PersistenceContext(unitName = "agenttrail")
  EntityManager em;

  @Inject
  Clock clock;

  /** A key as issued: the token is shown to the caller once and never again. */
  public record IssuedKey(String source, String keyId, String ingestKey) {}

  public IssuedKey register(String name, EnforcementMode mode, Duration heartbeat) {
    if (em.find(Source.class, name) != null) {
      throw new ConflictException("a source named '" + name + "' exists already");
    }
    em.persist(Source.register(name, mode, heartbeat, clock.instant()));
    em.flush(); // the key row references the source row: write the source first
    return issueKey(name);
  }

  /** Issues a new key; older keys keep working until revoked, so producers can switch without a gap. */
  public IssuedKey rotate(String name) {
    get(name);
    return issueKey(name);
  }

  public void revoke(String name, String keyId) {
    get(name);
    IngestKey key = em.find(IngestKey.class, keyId);
    if (key == null || !key.source().equals(name)) {
      throw new NotFoundException("source '" + name + "' has no key '" + keyId + "'");
    }
    key.revoke(clock.instant());
  }

  /** Stores the source's OPA mapping overrides (validated JSON), or null for the defaults. */
  public void configureOpaMapping(String name, String json) {
    get(name).configureOpaMapping(json);
  }

  public Source get(String name) {
    Source s = em.find(Source.class, name);
    if (s == null) {
      throw new NotFoundException("no source named '" + name + "'");
    }
    return s;
  }

  public List<Source> all() {
    return em.createNamedQuery("Source.all", Source.class).getResultList();
  }

  public List<IngestKey> keys(String name) {
    return em.createNamedQuery("IngestKey.forSource", IngestKey.class).setParameter("source", name).getResultList();
  }

  private IssuedKey issueKey(String source) {
    Secrets.Issued issued = Secrets.issue(Secrets.INGEST_KEY);
    em.persist(IngestKey.issue(issued.id(), source, issued.hash(), clock.instant()));
    return new IssuedKey(source, issued.id(), issued.token());
  }
}
