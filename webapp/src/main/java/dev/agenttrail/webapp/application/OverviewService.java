package dev.agenttrail.webapp.application;

import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The dashboard overview's figures, each one cheap: the ledger head's sequence number (the number
 * of events ever stored, as the ledger is gap-free) and the number of registered sources. Nothing
 * here aggregates over the event table.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OverviewService {

  @PersistenceContext(unitName = "agenttrail")
  EntityManager em;

  @Inject
  JdbcLedger ledger;

  /** The figures as read at one moment. */
  public record Overview(long eventsInLedger, long sources) {}

  public Overview overview() {
    long sources = em.createQuery("SELECT COUNT(s) FROM Source s", Long.class).getSingleResult();
    return new Overview(ledger.head().seq(), sources);
  }
}
