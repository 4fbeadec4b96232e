package dev.agenttrail.webapp.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages across the windows the ledger is walked back in: newest first, nothing skipped, nothing twice. */
class JdbcEventQueriesTest {

  static final int EVENTS = 200_000;
  static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  static JdbcEventQueries queries;

  @BeforeAll
  static void fill() throws Exception {
    DataSource ds = H2Schema.migrated();
    BenchLedger.fill(ds, EVENTS, FROM, Duration.ofDays(10), BenchLedger.TOOL_CALLS, null);
    queries = new JdbcEventQueries();
    queries.dataSource = ds;
  }

  @Test
  void shouldGiveTheNewestPageAndTheNextFromTheCursor() {
    List<Long> first = seqs(new JdbcEventQueries.Filter(null, null, null, null, null, null, null), 51);
    List<Long> next = seqs(new JdbcEventQueries.Filter(null, null, null, null, null, null, first.get(50)), 51);

    assertThat(first).containsExactlyElementsOf(LongStream.iterate(EVENTS, s -> s - 1).limit(51).boxed().toList());
    assertThat(next.get(0)).isEqualTo(EVENTS - 51);
  }

  @Test
  void shouldFindSparseMatchesAcrossWindowsInOrder() {
    // agent bench-7 has every 50th entry (7, 57, ...); the 61 before the cursor lie far behind the first window
    List<Long> all = seqs(new JdbcEventQueries.Filter("spiffe://acme/agents/bench-7", null, null, null, null, null, 3_057L), 100);

    assertThat(all).hasSize(61).isSortedAccordingTo((a, b) -> Long.compare(b, a)).allMatch(s -> s % 50 == 7);
    assertThat(all.get(0)).isEqualTo(3_007);
    assertThat(all.get(60)).isEqualTo(7);
  }

  @Test
  void shouldFindAPeriodFarBackAndStopAtTheLedgerStart() {
    Instant from = FROM.plus(Duration.ofHours(1));
    List<Long> hour = seqs(new JdbcEventQueries.Filter(null, null, null, null, from, from.plus(Duration.ofMinutes(10)), null), 5000);
    List<Long> none = seqs(new JdbcEventQueries.Filter("nobody", null, null, null, null, null, null), 10);

    assertThat(hour).hasSizeBetween(100, 200).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(none).isEmpty();
  }

  private static List<Long> seqs(JdbcEventQueries.Filter filter, int limit) {
    return queries.find(filter, limit).stream().map(JdbcEventQueries.StoredEvent::seq).toList();
  }
}
