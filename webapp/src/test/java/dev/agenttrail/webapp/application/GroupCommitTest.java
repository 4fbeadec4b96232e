package dev.agenttrail.webapp.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agenttrail.domain.event.EventRecord;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.infrastructure.metrics.IngestMetrics;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coordination of group commit: which batches are appended together and who gets which
 * receipt or failure. The storage behind it (one transaction per call) is a recording stand-in;
 * the integration tests cover the real ledger under concurrent requests.
 */
class GroupCommitTest {

  private final ExecutorService requests = Executors.newFixedThreadPool(4);

  /** Each call's batches, by source, as the store saw them. */
  private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());

  private final List<Integer> groups = Collections.synchronizedList(new ArrayList<>());

  /** Lets the first call return; until then it holds the ledger like a slow append. */
  private final CountDownLatch firstMayFinish = new CountDownLatch(1);

  /** Source whose batch the store refuses, alone or in a group. */
  private volatile String refused = "none";

  private final GroupCommit commit = new GroupCommit();

  {
    commit.ledger = new JdbcLedger() {
      @Override
      public Batch prepare(String source, List<EventRecord> events) {
        return new Batch(source, events, Map.of());
      }
    };
    commit.metrics = new IngestMetrics() {
      @Override
      public void grouped(int batches) {
        groups.add(batches);
      }
    };
    commit.ingest = new IngestService() {
      @Override
      public List<Receipt> ingest(List<JdbcLedger.Batch> batches) {
        calls.add(batches.stream().map(JdbcLedger.Batch::source).toList());
        if (calls.size() == 1) {
          await(firstMayFinish);
        }
        if (batches.stream().anyMatch(b -> b.source().equals(refused))) {
          throw new IllegalStateException("the store refused " + refused);
        }
        return batches.stream().map(b -> new Receipt(b.size(), 0, b.events().stream()
            .map(e -> new JdbcLedger.Appended(e.id(), false, 0)).toList())).toList();
      }
    };
  }

  @AfterEach
  void stop() {
    requests.shutdownNow();
  }

  @Test
  void batchesThatWaitWhileOneIsAppendedAreAppendedTogetherEachWithItsOwnReceipt() throws Exception {
    Stored stored = threeWaitWhileTheFirstIsAppended();

    assertEquals(1, stored.a().get(10, TimeUnit.SECONDS).accepted());
    assertEquals(List.of("b-0", "b-1"), ids(stored.b().get(10, TimeUnit.SECONDS)));
    assertEquals(3, stored.c().get(10, TimeUnit.SECONDS).accepted());
    assertEquals(List.of("d-0", "d-1", "d-2", "d-3"), ids(stored.d().get(10, TimeUnit.SECONDS)));
    assertEquals(2, calls.size(), "one append for the first batch, one for the three that waited: " + calls);
    assertEquals(List.of("b", "c", "d"), calls.get(1).stream().sorted().toList());
    assertEquals(List.of(1, 3), groups);
  }

  @Test
  void aGroupThatFailsIsAppendedAgainOneBatchAtATimeSoOnlyTheCulpritFails() throws Exception {
    refused = "c";
    Stored stored = threeWaitWhileTheFirstIsAppended();

    assertEquals(1, stored.a().get(10, TimeUnit.SECONDS).accepted());
    assertEquals(2, stored.b().get(10, TimeUnit.SECONDS).accepted());
    assertEquals(4, stored.d().get(10, TimeUnit.SECONDS).accepted());
    ExecutionException failed = assertThrows(ExecutionException.class, () -> stored.c().get(10, TimeUnit.SECONDS));
    assertEquals("the store refused c", failed.getCause().getMessage());
    // the first, the group of three (rolled back), then each of the three alone
    assertEquals(5, calls.size(), calls.toString());
    assertEquals(3, calls.get(1).size());
    assertTrue(calls.subList(2, 5).stream().allMatch(call -> call.size() == 1), calls.toString());
  }

  @Test
  void aGroupHoldsAtMostTheEventLimitAndTheRestFollowInTheNextOne() throws Exception {
    int big = GroupCommit.MAX_GROUP_EVENTS / 2 + 1;
    Future<IngestService.Receipt> first = store("a", 1);
    awaitCalls(1);
    Future<IngestService.Receipt> b = store("b", big);
    awaitWaiting(1);
    Future<IngestService.Receipt> c = store("c", big);
    awaitWaiting(2);
    firstMayFinish.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertEquals(big, b.get(10, TimeUnit.SECONDS).accepted());
    assertEquals(big, c.get(10, TimeUnit.SECONDS).accepted());
    assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), calls);
  }

  /**
   * Stores a batch of 1 event from source a and, while its append is held, batches of 2, 3 and 4
   * from b, c and d; lets the first append finish once all three wait.
   */
  private Stored threeWaitWhileTheFirstIsAppended() throws InterruptedException {
    Future<IngestService.Receipt> first = store("a", 1);
    awaitCalls(1);
    Stored all = new Stored(first, store("b", 2), store("c", 3), store("d", 4));
    awaitWaiting(3);
    firstMayFinish.countDown();
    return all;
  }

  /** The receipts to come of the batches from sources a, b, c and d. */
  private record Stored(Future<IngestService.Receipt> a, Future<IngestService.Receipt> b,
      Future<IngestService.Receipt> c, Future<IngestService.Receipt> d) {}

  private Future<IngestService.Receipt> store(String source, int events) {
    List<EventRecord> records = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      records.add(event(source, source + "-" + i));
    }
    return requests.submit(() -> commit.store(source, records));
  }

  private static List<String> ids(IngestService.Receipt receipt) {
    return receipt.items().stream().map(JdbcLedger.Appended::id).toList();
  }

  private void awaitCalls(int n) throws InterruptedException {
    for (int i = 0; i < 1000 && calls.size() < n; i++) {
      Thread.sleep(5);
    }
    assertEquals(n, calls.size());
  }

  private void awaitWaiting(int n) throws InterruptedException {
    for (int i = 0; i < 1000 && commit.waitingBatches() < n; i++) {
      Thread.sleep(5);
    }
    assertEquals(n, commit.waitingBatches());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static EventRecord event(String source, String id) {
    String json = "{\"id\":\"" + id + "\",\"occurredAt\":\"2026-11-23T08:00:00Z\",\"type\":\"tool.invocation\","
        + "\"agent\":{\"id\":\"agent-1\"},\"action\":{\"tool\":\"crm.lookup\"}}";
    try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(json))) {
      return EventRecord.of(source, reader.readObject());
    }
  }
}
