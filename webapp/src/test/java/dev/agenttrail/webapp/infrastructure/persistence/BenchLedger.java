package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.event.HashChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Fills the ledger of a migrated, empty database for the benchmarks: N hash-chained entries, evenly
 * spread over a period, shaped by a {@link Shape}, written with plain JDBC batches (1,000 a commit),
 * and the ledger head moved to the last one, as ingest would leave it.
 */
public final class BenchLedger {

  private BenchLedger() {}

  /** One entry as stored: the indexed columns and the canonical payload. */
  public record Entry(String source, String id, Instant at, String type, String agent, String session, String task, String tool,
      String outcome, String payload) {}

  /** The entry for a sequence number and time. */
  public interface Shape {
    Entry entry(long seq, Instant at);
  }

  /** Called for every entry written, in ledger order. */
  public interface Listener {
    void written(long seq, Entry entry) throws Exception;
  }

  /**
   * The evidence-pack benchmark's entries: a {@code tool.invocation} of {@code search}, allowed, by
   * one of 50 agents, about 600 bytes.
   */
  public static final Shape TOOL_CALLS = new Shape() {
    private final String padding = "x".repeat(380);

    @Override
    public Entry entry(long seq, Instant at) {
      String agent = "spiffe://acme/agents/bench-" + (seq % 50);
      String task = "T-" + (seq % 1000);
      String payload = "{\"action\":{\"tool\":\"search\"},\"agent\":{\"id\":\"" + agent + "\",\"task\":\"" + task
          + "\"},\"attributes\":{\"note\":\"" + padding + "\"},\"id\":\"b-" + seq + "\",\"occurredAt\":\"" + at
          + "\",\"source\":\"bench-gw\",\"type\":\"tool.invocation\"}";
      return new Entry("bench-gw", "b-" + seq, at, "tool.invocation", agent, null, task, "search", "allow", payload);
    }
  };

  /** Writes {@code events} entries from {@code from} over {@code span}; answers the head hash. */
  public static String fill(DataSource ds, int events, Instant from, Duration span, Shape shape, Listener listener)
      throws Exception {
    String previous = HashChain.GENESIS;
    long spanMillis = span.toMillis();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO event (seq, source, event_id, occurred_at, received_at,"
          + " type, agent_id, session_id, task, tool, outcome, payload, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (long seq = 1; seq <= events; seq++) {
          Instant at = from.plusMillis(seq * spanMillis / (events + 1));
          Entry e = shape.entry(seq, at);
          String hash = HashChain.next(previous, e.payload());
          LocalDateTime utc = LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC);
          insert.setLong(1, seq);
          insert.setString(2, e.source());
          insert.setString(3, e.id());
          insert.setObject(4, utc);
          insert.setObject(5, utc);
          insert.setString(6, e.type());
          insert.setString(7, e.agent());
          insert.setString(8, e.session());
          insert.setString(9, e.task());
          insert.setString(10, e.tool());
          insert.setString(11, e.outcome());
          insert.setString(12, e.payload());
          insert.setString(13, hash);
          insert.addBatch();
          previous = hash;
          if (listener != null) {
            listener.written(seq, e);
          }
          if (seq % 1000 == 0) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
      }
      try (PreparedStatement head = c.prepareStatement("UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1")) {
        head.setLong(1, events);
        head.setString(2, previous);
        head.executeUpdate();
      }
      c.commit();
    }
    return previous;
  }
}
