package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.event.EventRecord;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Stores a validated batch in the ledger, atomically. The transaction commits when {@link #ingest}
 * returns, so a caller that answers after it returns answers only after the commit.
 */
@ApplicationScoped
public class IngestService {

  @Inject
  JdbcLedger ledger;

  @Inject
  Clock clock;

  /** The fate of every event of a batch, in request order. */
  public record Receipt(int accepted, int duplicates, List<JdbcLedger.Appended> items) {}

  @Transactional
  public Receipt ingest(String source, List<EventRecord> events) {
    List<JdbcLedger.Appended> items = ledger.append(source, events, clock.instant());
    int duplicates = (int) items.stream().filter(JdbcLedger.Appended::duplicate).count();
    return new Receipt(items.size() - duplicates, duplicates, items);
  }
}
