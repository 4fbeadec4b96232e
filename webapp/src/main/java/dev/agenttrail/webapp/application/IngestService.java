package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.event.EventRecord;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Stores a validated batch in the ledger, atomically. The transaction commits when {@link #ingest}
 * returns, so a caller that answers after it returns answers only after the commit. Approval
 * requests that an escalation policy covers open their case in the same transaction, so an
 * enforcement point can poll the case as soon as it has its receipt.
 */
@ApplicationScoped
public class IngestService {

  @Inject
  JdbcLedger ledger;

  @Inject
  Clock clock;

  @Inject
  EscalationService escalations;

  /**
   * The fate of every event of a batch, in request order, and the escalation case each new approval
   * request opened (event id to case id).
   */
  public record Receipt(int accepted, int duplicates, List<JdbcLedger.Appended> items, Map<String, String> escalations) {
    public Receipt(int accepted, int duplicates, List<JdbcLedger.Appended> items) {
      this(accepted, duplicates, items, Map.of());
    }
  }

  @Transactional
  public Receipt ingest(String source, List<EventRecord> events) {
    List<JdbcLedger.Appended> items = ledger.append(source, events, clock.instant());
    int duplicates = (int) items.stream().filter(JdbcLedger.Appended::duplicate).count();
    Map<String, String> cases = Map.of();
    if (events.stream().anyMatch(EscalationService::asksApproval)) { // an in-memory check: no query for other events
      cases = escalations.openFor(source, events, items);
    }
    return new Receipt(items.size() - duplicates, duplicates, items, cases);
  }
}
