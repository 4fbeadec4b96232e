package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.event.EventRecord;
import dev.agenttrail.domain.event.HashChain;
import jakarta.annotation.Resource;
import dev.agenttrail.webapp.infrastructure.metrics.IngestMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The tamper-evident ledger, in plain JDBC because it is the ingest hot path.
 *
 * <p>Appending locks the single {@code ledger_head} row ({@code SELECT ... FOR UPDATE}) for the rest
 * of the caller's transaction. That one lock, held by whichever AgentTrail instance is writing,
 * makes the sequence gap-free and the chain linear. Appends are serialised on it, so as little as
 * possible happens while it is held. A batch is first appended as if all its ids were new
 * ({@link #unchecked}): the unique constraint on {@code (event_id, source)} looks each id up anyway
 * while inserting, and most batches carry only new ids. When one was stored before (a producer
 * resending, or a concurrent request with the same ids), the insert raises {@link AlreadyStored};
 * the caller rolls back and appends the batch again after looking its ids up ({@link #prepare},
 * outside the lock), which reports those ids as duplicates. Several batches can be appended under
 * one lock and one commit ({@link #append(List, Instant)}; see {@code GroupCommit}); their rows go
 * to the database as one batch of INSERTs, or with COPY on PostgreSQL ({@link EventCopy}). Appending
 * must run inside a JTA transaction.
 */
@ApplicationScoped
public class JdbcLedger {

  /**
   * Ids per duplicate-check query. H2 compares each found row against the whole IN list, so the
   * cost grows with the square of the list: short lists are several times faster than one long one.
   */
  private static final int IN_CHUNK = 50;

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  @Resource
  TransactionSynchronizationRegistry transactions;

  @Inject
  IngestMetrics metrics;

  /** What happened to one event of a batch. */
  public record Appended(String id, boolean duplicate, long seq) {}

  /** The ledger's last entry. */
  public record Head(long seq, String hash) {}

  /**
   * An id of the batch is stored already (one not looked up, or committed by a concurrent request
   * after the look-up): roll back, {@link #prepare} the batch and append it again.
   */
  public static final class AlreadyStored extends LedgerException {
    AlreadyStored(SQLException cause) {
      super("an event id of the batch is stored already", cause);
    }
  }

  /**
   * A request's events made ready to append outside the ledger lock: the ids already stored (as
   * far as could be seen when it was prepared) and each event's canonical bytes.
   */
  public static final class Batch {
    private final String source;
    private final List<EventRecord> events;
    private final Map<String, Long> known;
    private final byte[][] canonical;

    public Batch(String source, List<EventRecord> events, Map<String, Long> known) {
      this.source = source;
      this.events = events;
      this.known = known;
      this.canonical = new byte[events.size()][];
      for (int i = 0; i < canonical.length; i++) {
        canonical[i] = events.get(i).canonical().getBytes(StandardCharsets.UTF_8);
      }
    }

    public String source() {
      return source;
    }

    public List<EventRecord> events() {
      return events;
    }

    public int size() {
      return events.size();
    }
  }

  /**
   * A batch to append as if none of its ids were stored yet; the append raises
   * {@link AlreadyStored} if one was.
   */
  public Batch unchecked(String source, List<EventRecord> events) {
    return new Batch(source, events, Map.of());
  }

  /**
   * Looks up which of the events are stored already and makes their canonical bytes: the work of an
   * append that need not wait for the lock. Runs in its own connection, outside any transaction.
   */
  public Batch prepare(String source, List<EventRecord> events) {
    try (Connection c = dataSource.getConnection()) {
      return new Batch(source, events, existing(c, source, events));
    } catch (SQLException e) {
      throw new LedgerException("could not check the batch for events stored before", e);
    }
  }

  /**
   * Appends the new events of every batch under one lock and reports, per batch and in request
   * order, each event's fate. An id that two batches of the group carry is stored once, for the
   * first; the others see it as a duplicate.
   *
   * @throws AlreadyStored if an id was stored already: one the batch did not look up, or one a
   *     concurrent request committed after the look-up
   */
  public List<List<Appended>> append(List<Batch> batches, Instant receivedAt) {
    try (Connection c = dataSource.getConnection()) {
      MessageDigest sha = HashChain.sha256();
      long waiting = System.nanoTime();
      Head head = lockHead(c);
      long locked = System.nanoTime();
      metrics.lockWaited(locked - waiting);
      transactions.registerInterposedSynchronization(new Synchronization() {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
          metrics.lockHeld(System.nanoTime() - locked);
        }
      });
      List<List<Appended>> out = new ArrayList<>(batches.size());
      Map<String, Map<String, Long>> stored = new HashMap<>(); // per source: ids this group appended
      long seq = head.seq();
      String hash = head.hash();
      byte[] digest = HashChain.fromHex(hash);
      LocalDateTime received = utc(receivedAt);
      List<Row> rows = new ArrayList<>();
      for (Batch batch : batches) {
        List<Appended> fates = new ArrayList<>(batch.size());
        Map<String, Long> appended = stored.computeIfAbsent(batch.source, s -> new HashMap<>());
        for (int i = 0; i < batch.size(); i++) {
          EventRecord e = batch.events.get(i);
          Long seen = batch.known.get(e.id());
          if (seen == null) {
            seen = appended.get(e.id());
          }
          if (seen != null) {
            fates.add(new Appended(e.id(), true, seen));
            continue;
          }
          seq++;
          digest = HashChain.next(sha, digest, batch.canonical[i]);
          hash = HashChain.toHex(digest);
          appended.put(e.id(), seq);
          fates.add(new Appended(e.id(), false, seq));
          rows.add(new Row(seq, e, hash));
        }
        out.add(fates);
      }
      if (!rows.isEmpty()) {
        try {
          if (EventCopy.applies(c, rows)) {
            EventCopy.write(c, rows, received);
          } else {
            insert(c, rows, received);
          }
        } catch (SQLException e) {
          if (uniqueViolation(e)) {
            throw new AlreadyStored(e);
          }
          throw e;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1")) {
          update.setLong(1, seq);
          update.setString(2, hash);
          update.executeUpdate();
        }
      }
      return out;
    } catch (SQLException e) {
      throw new LedgerException("could not append to the ledger", e);
    }
  }

  /** One new ledger entry of a group: its place in the chain and what is stored there. */
  record Row(long seq, EventRecord event, String hash) {}

  static final String COLUMNS =
      "seq, source, event_id, occurred_at, received_at, type, agent_id, session_id, task, tool, outcome, payload, hash";

  /** The rows as one JDBC batch of INSERTs (H2; PostgreSQL when {@link EventCopy} does not apply). */
  private static void insert(Connection c, List<Row> rows, LocalDateTime received) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO event (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (Row row : rows) {
        EventRecord e = row.event();
        insert.setLong(1, row.seq());
        insert.setString(2, e.source());
        insert.setString(3, e.id());
        insert.setObject(4, utc(e.occurredAt()));
        insert.setObject(5, received);
        insert.setString(6, e.type().wireName());
        insert.setString(7, e.agentId());
        insert.setString(8, e.session());
        insert.setString(9, e.task());
        insert.setString(10, e.tool());
        insert.setString(11, e.outcome());
        insert.setString(12, e.canonical());
        insert.setString(13, row.hash());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** SQLSTATE 23505 anywhere in the chain (H2 and PostgreSQL both use it). */
  private static boolean uniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          if ("23505".equals(n.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Head lockHead(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM ledger_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("ledger_head row is missing");
      }
      return new Head(rs.getLong(1), rs.getString(2));
    }
  }

  private static Map<String, Long> existing(Connection c, String source, List<EventRecord> events) throws SQLException {
    Map<String, Long> known = new HashMap<>();
    List<String> ids = events.stream().map(EventRecord::id).distinct().toList();
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement s = c.prepareStatement(
          "SELECT event_id, seq FROM event WHERE event_id IN (" + marks + ") AND source = ?")) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setString(i + 1, chunk.get(i));
        }
        s.setString(chunk.size() + 1, source);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            known.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
    }
    return known;
  }

  /** The ledger's head as last committed. */
  public Head head() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM ledger_head WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return new Head(rs.getLong(1), rs.getString(2));
    } catch (SQLException e) {
      throw new LedgerException("could not read the ledger head", e);
    }
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
