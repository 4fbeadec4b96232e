package dev.agenttrail.webapp.infrastructure.detection;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.domain.escalation.ApprovalRegistry;
import dev.agenttrail.domain.signal.BlockCause;
import dev.agenttrail.domain.signal.ControlEvidence;
import dev.agenttrail.domain.signal.Detection;
import dev.agenttrail.domain.signal.Firing;
import dev.agenttrail.domain.signal.Observation;
import dev.agenttrail.domain.signal.StoredDetectionState;
import dev.agenttrail.domain.signal.Thresholds;
import dev.agenttrail.webapp.application.CatalogService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One step of detection, in one transaction: lock the cursor (another instance holding it makes
 * this one skip), read the ledger after it, run the detectors, reconcile incidents, record blocks
 * and control evidence, write the detectors' state and move the cursor. A failure rolls all of it
 * back and the same events are processed again on the next step. See ADR 3.
 */
@ApplicationScoped
public class DetectionRunner {

  /** Events per step: large enough to amortise the queries, small enough to keep steps short. */
  static final int BATCH = 1000;

  @Resource(lookup = "java:app/jdbc/agenttrail")
  DataSource dataSource;

  @Resource
  TransactionSynchronizationRegistry transactions;

  @Inject
  StateCache cache;

  @Inject
  CatalogService catalogs;

  @Inject
  Instance<ApprovalRegistry> approvals;

  @Inject
  Clock clock;

  @Inject
  DetectionMetrics metrics;

  /**
   * What one step did; {@code locked} is false when another instance held the cursor;
   * {@code lastReceivedAt} is when the last event it processed was stored (null if it processed none).
   */
  public record Step(boolean locked, int events, int firings, long cursor, Instant lastReceivedAt) {}

  @Transactional
  public Step step() {
    try (Connection c = dataSource.getConnection()) {
      Long cursor = lockCursor(c);
      if (cursor == null) {
        return new Step(false, 0, 0, -1, null);
      }
      cache.beginAt(cursor);
      Instant now = clock.instant();
      Thresholds thresholds = thresholds(c);
      Detection detection = new Detection(thresholds);
      JdbcStateStore store = new JdbcStateStore(c, cache);
      ApprovalRegistry registry = approvals.isResolvable() ? approvals.get() : null;
      StoredDetectionState state = new StoredDetectionState(store, new JdbcDirectory(c, registry));

      List<Observation> batch = read(c, cursor);
      List<Firing> firings = new ArrayList<>();
      Map<Long, Instant> occurred = new HashMap<>();
      List<Object[]> blocks = new ArrayList<>();
      Map<String, long[]> evidence = new LinkedHashMap<>();
      Map<String, Long> daily = new LinkedHashMap<>();
      for (Observation o : batch) {
        occurred.put(o.seq(), o.occurredAt());
        daily.merge(LocalDate.ofInstant(o.occurredAt(), ZoneOffset.UTC) + "\n" + o.source(), 1L, Long::sum);
        Optional<BlockCause> cause = BlockCause.classify(o, state);
        cause.ifPresent(bc -> blocks.add(new Object[] {o.seq(), o.source(), o.agentId(), bc.wireName(), o.occurredAt()}));
        for (String control : ControlEvidence.controls(o)) {
          String key = LocalDate.ofInstant(o.occurredAt(), ZoneOffset.UTC) + "\n" + o.agentId() + "\n" + control;
          long[] counts = evidence.computeIfAbsent(key, k -> new long[] {0, o.seq(), o.seq()});
          counts[0]++;
          counts[2] = o.seq();
        }
        firings.addAll(detection.observe(o, state));
      }
      if (batch.size() < BATCH) {
        // the clock checks only once caught up: while a backlog (or a replay) is processed, a
        // revocation may still be in the events ahead
        firings.addAll(detection.tick(now, state, heartbeats(c, thresholds)));
      }
      writeBlocks(c, blocks);
      writeControlEvidence(c, evidence);
      writeDaily(c, daily);
      IncidentWriter incidents = new IncidentWriter(c, catalogs.current().catalog(), now);
      incidents.reconcile(firings, occurred);
      reopenExpiredAcceptances(c, incidents, now);
      Map<String, Optional<JsonObject>> written = store.flush();
      long moved = batch.isEmpty() ? cursor : batch.get(batch.size() - 1).seq();
      try (PreparedStatement s = c.prepareStatement("UPDATE detection_cursor SET seq = ?, updated_at = ? WHERE id = 1")) {
        Sql.bind(s, moved, now);
        s.executeUpdate();
      }
      transactions.registerInterposedSynchronization(new Synchronization() {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
          if (status == Status.STATUS_COMMITTED) {
            cache.committed(written, moved);
            if (!batch.isEmpty()) {
              metrics.processed(batch.size(), firings.size(), batch.get(batch.size() - 1).receivedAt(), clock.instant());
            }
          } else {
            cache.invalidate();
          }
        }
      });
      return new Step(true, batch.size(), firings.size(), moved,
          batch.isEmpty() ? null : batch.get(batch.size() - 1).receivedAt());
    } catch (SQLException e) {
      cache.invalidate();
      throw new DetectionStoreException("detection step failed", e);
    }
  }

  private static Long lockCursor(Connection c) throws SQLException {
    String sql = Sql.postgres(c)
        ? "SELECT seq FROM detection_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED"
        : "SELECT seq FROM detection_cursor WHERE id = 1 FOR UPDATE";
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  static Thresholds thresholds(Connection c) throws SQLException {
    Map<String, String> changed = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT name, threshold FROM signal_threshold"); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        changed.put(rs.getString(1), rs.getString(2));
      }
    }
    try {
      return Thresholds.DEFAULTS.with(changed);
    } catch (IllegalArgumentException e) {
      // only valid values are stored; should a row be edited by hand, the defaults hold
      return Thresholds.DEFAULTS;
    }
  }

  private static List<Observation> read(Connection c, long after) throws SQLException {
    List<Observation> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT seq, received_at, payload FROM event WHERE seq > ? ORDER BY seq LIMIT ?")) {
      s.setLong(1, after);
      s.setInt(2, BATCH);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Observation(rs.getLong(1), JdbcStateStore.parse(rs.getString(3)), Sql.instant(rs, "received_at")));
        }
      }
    }
    return out;
  }

  private static Map<String, Duration> heartbeats(Connection c, Thresholds thresholds) throws SQLException {
    Map<String, Duration> out = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT name, heartbeat FROM source"); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String heartbeat = rs.getString(2);
        Duration d = null;
        try {
          d = heartbeat == null || heartbeat.isBlank() ? null : Duration.parse(heartbeat);
        } catch (RuntimeException e) {
          d = null;
        }
        out.put(rs.getString(1), d);
      }
    }
    return out;
  }

  private static void writeBlocks(Connection c, List<Object[]> blocks) throws SQLException {
    if (blocks.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(Sql.upsert(c, "block_event", "seq, source, agent_id, cause, occurred_at", 1))) {
      for (Object[] b : blocks) {
        Sql.bind(s, b);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void writeControlEvidence(Connection c, Map<String, long[]> evidence) throws SQLException {
    if (evidence.isEmpty()) {
      return;
    }
    try (PreparedStatement update = c.prepareStatement("UPDATE control_evidence SET events = events + ?, last_seq = ?"
            + " WHERE day_utc = ? AND agent_id = ? AND control_id = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO control_evidence (day_utc, agent_id, control_id, events,"
            + " first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<String, long[]> e : evidence.entrySet()) {
        String[] key = e.getKey().split("\n", 3);
        LocalDate day = LocalDate.parse(key[0]);
        long[] counts = e.getValue();
        Sql.bind(update, counts[0], counts[2], day, key[1], key[2]);
        if (update.executeUpdate() == 0) {
          Sql.bind(insert, day, key[1], key[2], counts[0], counts[1], counts[2]);
          insert.executeUpdate();
        }
      }
    }
  }

  private static void writeDaily(Connection c, Map<String, Long> daily) throws SQLException {
    if (daily.isEmpty()) {
      return;
    }
    try (PreparedStatement update = c.prepareStatement("UPDATE event_daily SET events = events + ? WHERE day_utc = ? AND source = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO event_daily (day_utc, source, events) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, Long> e : daily.entrySet()) {
        String[] key = e.getKey().split("\n", 2);
        LocalDate day = LocalDate.parse(key[0]);
        Sql.bind(update, e.getValue(), day, key[1]);
        if (update.executeUpdate() == 0) {
          Sql.bind(insert, day, key[1], e.getValue());
          insert.executeUpdate();
        }
      }
    }
  }

  /** Events and incidents opened per UTC day, from {@code since} to today, for the trend chart. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<LocalDate, long[]> trend(LocalDate since) {
    Map<LocalDate, long[]> out = new java.util.TreeMap<>();
    for (LocalDate d = since; !d.isAfter(LocalDate.now(clock)); d = d.plusDays(1)) {
      out.put(d, new long[2]);
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("SELECT day_utc, SUM(events) FROM event_daily WHERE day_utc >= ? GROUP BY day_utc")) {
        Sql.bind(s, since);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long[] v = out.get(rs.getObject(1, LocalDate.class));
            if (v != null) {
              v[0] = rs.getLong(2);
            }
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT opened_at FROM incident WHERE opened_at >= ?")) {
        Sql.bind(s, since.atStartOfDay(ZoneOffset.UTC).toInstant());
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long[] v = out.get(Sql.instant(rs, "opened_at").atZone(ZoneOffset.UTC).toLocalDate());
            if (v != null) {
              v[1]++;
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read the trend", e);
    }
  }

  /** A risk accepted until a time now past: the incident is open again. */
  private static void reopenExpiredAcceptances(Connection c, IncidentWriter incidents, Instant now) throws SQLException {
    List<Long> expired = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM incident WHERE status = 'risk_accepted' AND accepted_until < ?")) {
      Sql.bind(s, now);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          expired.add(rs.getLong(1));
        }
      }
    }
    for (Long id : expired) {
      try (PreparedStatement s = c.prepareStatement("UPDATE incident SET status = 'open', accepted_until = NULL, updated_at = ?,"
          + " version = version + 1 WHERE id = ? AND status = 'risk_accepted'")) {
        Sql.bind(s, now, id);
        if (s.executeUpdate() == 1) {
          incidents.transition(id, "risk_accepted", "open", "system", "The risk acceptance expired.", null);
        }
      }
    }
  }

  /** Starts detection again from the first ledger entry: state, blocks and control evidence are recomputed. */
  @Transactional
  public boolean replay() {
    try (Connection c = dataSource.getConnection()) {
      if (lockCursor(c) == null) {
        return false;
      }
      for (String sql : List.of("DELETE FROM detection_state", "DELETE FROM block_event", "DELETE FROM control_evidence",
          "DELETE FROM event_daily",
          "UPDATE detection_cursor SET seq = 0 WHERE id = 1")) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.executeUpdate();
        }
      }
      cache.invalidate();
      transactions.registerInterposedSynchronization(new Synchronization() {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
          cache.invalidate();
        }
      });
      return true;
    } catch (SQLException e) {
      throw new DetectionStoreException("could not restart detection", e);
    }
  }

  /** Where detection stands: the last seq it processed, the ledger head, and when it last moved. */
  public record Progress(long processedSeq, long ledgerSeq, Instant updatedAt) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Progress progress() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT d.seq, d.updated_at, h.seq AS head FROM detection_cursor d, ledger_head h"
            + " WHERE d.id = 1 AND h.id = 1");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return new Progress(rs.getLong("seq"), rs.getLong("head"), Sql.instant(rs, "updated_at"));
    } catch (SQLException e) {
      throw new DetectionStoreException("could not read detection progress", e);
    }
  }
}
