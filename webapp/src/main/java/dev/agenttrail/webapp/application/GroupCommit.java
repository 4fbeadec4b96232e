package dev.agenttrail.webapp.application;

import dev.agenttrail.domain.event.EventRecord;
import dev.agenttrail.webapp.infrastructure.metrics.IngestMetrics;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the ledger. Appends are serialised on the ledger lock, and each one pays the same
 * fixed costs: taking the lock, updating the head, the commit and its log flush. While one request
 * appends, the requests that arrive wait here; the next of them to run takes every batch waiting at
 * that moment (up to {@link #MAX_GROUP_EVENTS}) and appends them in one transaction, then hands each
 * request its own receipt. Nobody is answered before the transaction that stored their events has
 * committed.
 *
 * <p>A group that fails is appended again one batch at a time, so a batch fails only for its own
 * reasons. A batch that carries an id stored before (a producer resending) is looked up and
 * appended again, reporting that id as a duplicate; when concurrent requests keep committing its
 * ids first, up to {@link #MAX_ATTEMPTS} times.
 *
 * <p>Grouping is per server; several AgentTrail instances still take turns on the ledger's lock row.
 */
@ApplicationScoped
public class GroupCommit {

  /** Events in one group at most: keeps a transaction, and the wait of the requests after it, short. */
  static final int MAX_GROUP_EVENTS = 4_000;

  /** Attempts at storing a batch: the first unchecked, the others after looking its ids up. */
  private static final int MAX_ATTEMPTS = 10;

  @Inject
  JdbcLedger ledger;

  @Inject
  IngestService ingest;

  @Inject
  IngestMetrics metrics;

  /** Held by the request that is appending a group; the others wait for it. */
  private final ReentrantLock leader = new ReentrantLock();

  /** Batches waiting to be appended, oldest first. Only the leader takes from it. */
  private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

  /** A request's batch and, once its group has ended, its receipt or failure. */
  private static final class Waiting {
    final JdbcLedger.Batch batch;
    IngestService.Receipt receipt;
    RuntimeException failure;
    boolean done;

    Waiting(JdbcLedger.Batch batch) {
      this.batch = batch;
    }

    void end(IngestService.Receipt r, RuntimeException f) {
      receipt = r;
      failure = f;
      done = true;
    }
  }

  /**
   * Stores a validated batch for {@code source} and returns its receipt once it is committed. The
   * batch is first appended as if its ids were all new; if one was stored before, it is looked up
   * and appended again, and the receipt reports it as a duplicate.
   *
   * @throws JdbcLedger.AlreadyStored if concurrent requests kept committing its ids first
   */
  public IngestService.Receipt store(String source, List<EventRecord> records) {
    JdbcLedger.Batch batch = ledger.unchecked(source, records);
    for (int attempt = 1; ; attempt++) {
      try {
        return append(batch);
      } catch (JdbcLedger.AlreadyStored stored) {
        if (attempt == MAX_ATTEMPTS) {
          throw stored;
        }
        batch = ledger.prepare(source, records);
      }
    }
  }

  /** Batches waiting for the request that appends now (for tests and diagnostics). */
  int waitingBatches() {
    return waiting.size();
  }

  private IngestService.Receipt append(JdbcLedger.Batch batch) {
    Waiting me = new Waiting(batch);
    waiting.add(me);
    leader.lock();
    try {
      // A leader before us may have appended our batch while we waited; if not, we lead.
      while (!me.done) {
        lead();
      }
    } finally {
      leader.unlock();
    }
    if (me.failure != null) {
      throw me.failure;
    }
    return me.receipt;
  }

  /** Takes the batches waiting now and appends them together. Called holding {@link #leader}. */
  private void lead() {
    List<Waiting> group = new ArrayList<>();
    int events = 0;
    for (Waiting next; (next = waiting.peek()) != null; ) {
      if (!group.isEmpty() && events + next.batch.size() > MAX_GROUP_EVENTS) {
        break;
      }
      waiting.poll();
      group.add(next);
      events += next.batch.size();
    }
    metrics.grouped(group.size());
    try {
      appendGroup(group);
    } catch (RuntimeException | Error e) {
      for (Waiting w : group) {
        if (!w.done) {
          w.end(null, e instanceof RuntimeException r ? r : new IllegalStateException("appending the group failed", e));
        }
      }
      throw e;
    }
  }

  private void appendGroup(List<Waiting> group) {
    try {
      List<IngestService.Receipt> receipts = ingest.ingest(group.stream().map(w -> w.batch).toList());
      for (int i = 0; i < group.size(); i++) {
        group.get(i).end(receipts.get(i), null);
      }
      return;
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).end(null, e);
        return;
      }
    }
    // Rolled back: one batch at a time, so each request gets its own outcome.
    for (Waiting w : group) {
      try {
        w.end(ingest.ingest(List.of(w.batch)).get(0), null);
      } catch (RuntimeException e) {
        w.end(null, e);
      }
    }
  }
}
