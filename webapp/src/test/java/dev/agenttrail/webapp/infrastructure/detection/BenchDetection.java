package dev.agenttrail.webapp.infrastructure.detection;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.domain.signal.BlockCause;
import dev.agenttrail.domain.signal.ControlEvidence;
import dev.agenttrail.domain.signal.Firing;
import dev.agenttrail.domain.signal.InMemoryDetectionState;
import dev.agenttrail.domain.signal.Observation;
import dev.agenttrail.domain.signal.Severity;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * What detection would have left behind a benchmark's ledger, for the page benchmark: the per-day
 * event counts, the per-day control evidence and the classified blocks, computed per entry with
 * detection's own {@link ControlEvidence} and {@link BlockCause}; incidents written with detection's
 * own {@link IncidentWriter} (evidence, mappings, the opening transition), some of them moved on
 * through their lifecycle with {@link JdbcIncidents#transition}; and the cursor at the ledger's end.
 */
public final class BenchDetection {

  private final Map<String, Long> daily = new HashMap<>();
  private final Map<String, long[]> controls = new HashMap<>();
  private final List<Object[]> blocks = new ArrayList<>();
  private final InMemoryDetectionState state = new InMemoryDetectionState();

  /** Counts one ledger entry as detection would when it passes it. */
  public void observe(long seq, String payload, Instant receivedAt) {
    Observation o;
    try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(payload))) {
      o = new Observation(seq, reader.readObject(), receivedAt);
    }
    LocalDate day = LocalDate.ofInstant(o.occurredAt(), ZoneOffset.UTC);
    daily.merge(day + "\n" + o.source(), 1L, Long::sum);
    BlockCause.classify(o, state).ifPresent(bc -> blocks.add(new Object[] {seq, o.source(), o.agentId(), bc.wireName(), o.occurredAt()}));
    for (String control : ControlEvidence.controls(o)) {
      long[] counts = controls.computeIfAbsent(day + "\n" + o.agentId() + "\n" + control, k -> new long[] {0, seq, seq});
      counts[0]++;
      counts[2] = seq;
    }
  }

  /** Writes the per-day counts, control evidence and blocks, and moves the cursor to {@code head}. */
  public void writeDerived(DataSource ds, long head) throws Exception {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO event_daily (day_utc, source, events) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, Long> e : daily.entrySet()) {
          String[] key = e.getKey().split("\n", 2);
          Sql.bind(s, LocalDate.parse(key[0]), key[1], e.getValue());
          s.addBatch();
        }
        s.executeBatch();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO control_evidence (day_utc, agent_id, control_id, events,"
          + " first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Map.Entry<String, long[]> e : controls.entrySet()) {
          String[] key = e.getKey().split("\n", 3);
          long[] v = e.getValue();
          Sql.bind(s, LocalDate.parse(key[0]), key[1], key[2], v[0], v[1], v[2]);
          s.addBatch();
        }
        s.executeBatch();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO block_event (seq, source, agent_id, cause, occurred_at)"
          + " VALUES (?, ?, ?, ?, ?)")) {
        int n = 0;
        for (Object[] b : blocks) {
          Sql.bind(s, b);
          s.addBatch();
          if (++n % 1000 == 0) {
            s.executeBatch();
          }
        }
        s.executeBatch();
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE detection_cursor SET seq = ?, updated_at = ? WHERE id = 1")) {
        Sql.bind(s, head, Instant.now());
        s.executeUpdate();
      }
      c.commit();
    }
  }

  /** The signals, most frequent first, with their share of incidents in per mille. */
  private static final String[][] SIGNALS = {{"UNDECLARED_TOOL", "260"}, {"DENY_THEN_OVERRIDE", "160"},
      {"SCOPE_EXPANSION", "130"}, {"UNTRACEABLE_ACTION", "110"}, {"SESSION_DRIFT", "90"}, {"UNESCALATED_STATE_CHANGE", "80"},
      {"CREDENTIAL_OVERSTAY", "70"}, {"SHARED_CREDENTIAL", "60"}, {"ENFORCEMENT_GAP", "40"}};

  /**
   * Opens {@code count} incidents as detection would, each with 1 to 40 evidence entries of its
   * agent ({@code evidenceOf} answers the entries of an agent index), opened a few seconds after its
   * last evidence; then moves about 45 % on (acknowledged, resolved, false positive, risk accepted).
   *
   * @param occurred when the entry with a seq occurred
   */
  public static void incidents(DataSource ds, Catalog catalog, int count, int agents, LongFunction<Instant> occurred,
      EvidencePicker evidenceOf, Random random) throws Exception {
    JdbcIncidents incidents = new JdbcIncidents();
    incidents.dataSource = ds;
    List<Long> ids = new ArrayList<>(count);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        String signal = pick(random);
        int agent = random.nextInt(agents);
        List<Long> evidence = evidenceOf.pick(agent, 1 + (int) Math.min(39, Math.abs(random.nextGaussian() * 8)), random);
        Map<Long, Instant> at = new HashMap<>();
        Instant last = Instant.EPOCH;
        for (Long seq : evidence) {
          Instant t = occurred.apply(seq);
          at.put(seq, t);
          last = t.isAfter(last) ? t : last;
        }
        Severity severity = Severity.values()[Math.min(3, (int) Math.abs(random.nextGaussian() * 1.3))];
        String source = evidenceOf.source(evidence.get(0));
        boolean sourceLevel = signal.equals("ENFORCEMENT_GAP") && i % 4 == 0;
        Firing f = new Firing(signal, sourceLevel ? null : evidenceOf.agent(agent), source, "T-" + i,
            evidence, severity, explanation(signal, evidenceOf.agent(agent), i));
        new IncidentWriter(c, catalog, last.plusSeconds(2 + random.nextInt(30))).reconcile(List.of(f), at);
        if (i % 500 == 499) {
          c.commit();
        }
      }
      c.commit();
      try (var s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM incident ORDER BY id")) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    Instant now = Instant.now();
    for (Long id : ids) {
      int r = random.nextInt(100);
      if (r < 55) {
        continue; // stays open
      }
      incidents.transition(id, "open", "acknowledged", "analyst-" + (id % 7), "Looking into it", null, now.minusSeconds(7200));
      if (r < 70) {
        continue;
      }
      if (r < 90) {
        incidents.transition(id, "acknowledged", "resolved", "analyst-" + (id % 7), "Fixed the task declaration", null, now.minusSeconds(3600));
      } else if (r < 96) {
        incidents.transition(id, "acknowledged", "false_positive", "analyst-" + (id % 7), "Expected behaviour", null, now.minusSeconds(3600));
      } else {
        incidents.transition(id, "acknowledged", "risk_accepted", "lead-" + (id % 3), "Accepted until the migration ends",
            now.plusSeconds(30L * 24 * 3600), now.minusSeconds(3600));
      }
    }
  }

  /** Chooses evidence entries of an agent, and names agents and sources as the ledger has them. */
  public interface EvidencePicker {
    List<Long> pick(int agent, int count, Random random);

    String agent(int agent);

    String source(long seq);
  }

  private static String pick(Random random) {
    int r = random.nextInt(1000);
    for (String[] s : SIGNALS) {
      r -= Integer.parseInt(s[1]);
      if (r < 0) {
        return s[0];
      }
    }
    return SIGNALS[0][0];
  }

  private static String explanation(String signal, String agent, int i) {
    return switch (signal) {
      case "UNDECLARED_TOOL" -> agent + " called 'shell.exec', which task T-" + i + " did not declare (declared: crm.lookup, search).";
      case "DENY_THEN_OVERRIDE" -> agent + " was denied 'payments.refund' and then performed it within 10 minutes.";
      case "SCOPE_EXPANSION" -> agent + " read data scope 'hr.salaries' outside the declared scopes of task T-" + i + ".";
      default -> signal + " for " + agent + " in task T-" + i + ".";
    };
  }
}
