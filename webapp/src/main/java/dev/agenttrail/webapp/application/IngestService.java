package dev.agenttrail.webapp.application;

import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores validated batches in the ledger, atomically. The transaction commits when {@link #ingest}
 * returns, so a caller that answers after it returns answers only after the commit. Requests reach
 * it through {@link GroupCommit}, which hands it the batches that arrived together. Approval
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

  /**
   * Appends the prepared batches in one transaction, under one ledger lock, and opens the cases
   * their approval requests call for; one receipt per batch, in order.
   */
  @Transactional
  public List<Receipt> ingest(List<JdbcLedger.Batch> batches) {
    List<List<JdbcLedger.Appended>> appended = ledger.append(batches, clock.instant());
    List<Receipt> receipts = new ArrayList<>(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      JdbcLedger.Batch batch = batches.get(b);
      List<JdbcLedger.Appended> items = appended.get(b);
      int duplicates = (int) items.stream().filter(JdbcLedger.Appended::duplicate).count();
      Map<String, String> cases = Map.of();
      if (batch.events().stream().anyMatch(EscalationService::asksApproval)) { // in memory: no query for other events
        cases = escalations.openFor(batch.source(), batch.events(), items);
      }
      receipts.add(new Receipt(items.size() - duplicates, duplicates, items, cases));
    }
    return receipts;
  }
}
