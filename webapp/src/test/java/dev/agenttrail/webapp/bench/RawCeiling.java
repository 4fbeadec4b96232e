package dev.agenttrail.webapp.bench;

import static dev.agenttrail.webapp.bench.BenchEvents.agent;
import static dev.agenttrail.webapp.bench.BenchEvents.event;
import static dev.agenttrail.webapp.bench.BenchEvents.id;
import static dev.agenttrail.webapp.bench.BenchEvents.occurredAt;
import static dev.agenttrail.webapp.bench.BenchEvents.session;
import static dev.agenttrail.webapp.bench.BenchEvents.task;
import static dev.agenttrail.webapp.bench.IngestBenchmark.batch;
import static dev.agenttrail.webapp.bench.IngestBenchmark.pgPassword;
import static dev.agenttrail.webapp.bench.IngestBenchmark.pgUrl;
import static dev.agenttrail.webapp.bench.IngestBenchmark.pgUser;
import static dev.agenttrail.webapp.bench.IngestBenchmark.schema;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A table shaped like AgentTrail's event table (same columns and indexes) filled by plain JDBC
 * batch inserts of the same rows (ids, agents, sessions, tasks, occurrence times, payloads): no
 * hashing, no checks, one commit per batch, the same durability. On PostgreSQL, where AgentTrail
 * writes its rows with COPY, a third table is filled with COPY too, so the report can also give
 * AgentTrail's rate against PostgreSQL's fastest way of loading rows.
 */
final class RawCeiling {
  private static final String COLUMNS =
      "seq, source, event_id, occurred_at, received_at, type, agent_id, session_id, task, tool, outcome, payload, hash";

  final String url;
  final boolean postgres;
  final boolean copy; // COPY ... FROM STDIN instead of batched INSERTs (PostgreSQL only)
  int rows; // inserted so far: the next insert goes on from here

  RawCeiling(String url, boolean postgres) throws Exception {
    this(url, postgres, false);
  }

  RawCeiling(String url, boolean postgres, boolean copy) throws Exception {
    this.copy = copy;
    if (postgres) {
      url = url + "&reWriteBatchedInserts=true";
      try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword); Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema(url));
      }
    }
    this.url = url;
    this.postgres = postgres;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE event (seq BIGINT PRIMARY KEY, source VARCHAR(64) NOT NULL, event_id VARCHAR(128) NOT NULL,"
          + " occurred_at TIMESTAMP NOT NULL, received_at TIMESTAMP NOT NULL, type VARCHAR(32) NOT NULL,"
          + " agent_id VARCHAR(512) NOT NULL, session_id VARCHAR(128), task VARCHAR(128), tool VARCHAR(256),"
          + " outcome VARCHAR(20), payload VARCHAR(1000000) NOT NULL, hash CHAR(64) NOT NULL,"
          + " CONSTRAINT uq_event_id_source UNIQUE (event_id, source))");
      s.execute("CREATE INDEX ix_event_agent ON event (agent_id, seq)");
      s.execute("CREATE INDEX ix_event_occurred ON event (occurred_at)");
    }
  }

  Connection connect() throws Exception {
    return DriverManager.getConnection(url, postgres ? pgUser : "sa", postgres ? pgPassword : "");
  }

  /** Inserts {@code count} more rows from {@code writers} threads; answers rows/s. */
  double insert(int count, int writers, boolean print) throws Exception {
    int first = rows;
    rows += count;
    String[] payloads = new String[count];
    for (int i = 0; i < count; i++) {
      payloads[i] = event(first + i); // built before the clock starts, as the HTTP run's bodies are
    }
    AtomicInteger next = new AtomicInteger();
    int batches = (count + batch - 1) / batch;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long cpuStart = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    long start = System.nanoTime();
    List<Future<?>> jobs = new ArrayList<>();
    String hash = "0".repeat(64);
    for (int w = 0; w < writers; w++) {
      jobs.add(pool.submit(() -> {
        try (Connection c = connect()) {
          c.setAutoCommit(false);
          if (copy) {
            copyBatches(c, first, count, batches, next, payloads, hash);
            return null;
          }
          try (PreparedStatement insert = c.prepareStatement(
              "INSERT INTO event (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int b;
            while ((b = next.getAndIncrement()) < batches) {
              Timestamp now = Timestamp.from(Instant.now());
              for (int k = b * batch; k < Math.min(count, (b + 1) * batch); k++) {
                int i = first + k;
                insert.setLong(1, i + 1);
                insert.setString(2, "bench");
                insert.setString(3, id(i));
                insert.setObject(4, LocalDateTime.ofInstant(occurredAt(i), ZoneOffset.UTC)); // the event's own, in UTC as AgentTrail stores it
                insert.setTimestamp(5, now);
                insert.setString(6, "tool.invocation");
                insert.setString(7, agent(i));
                insert.setString(8, session(i));
                insert.setString(9, task(i));
                insert.setString(10, "crm.lookup");
                insert.setString(11, "allow");
                insert.setString(12, payloads[k]);
                insert.setString(13, hash);
                insert.addBatch();
              }
              insert.executeBatch();
              c.commit();
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> job : jobs) {
      job.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    double rate = count / seconds;
    long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() - cpuStart;
    if (print) {
      System.out.printf(Locale.ROOT, "raw JDBC %s ceiling, %d writer(s): %,d rows (after %,d) in %.1f s = %,.0f rows/s;"
          + " %.0f us CPU per row (this JVM; PostgreSQL's own processes not counted)%n",
          copy ? "COPY" : "batch insert", writers, count, first, seconds, rate, cpu / 1e3 / count);
    }
    return rate;
  }

  /** The same rows and commits as the batched INSERTs, sent with COPY in its text format. */
  private static void copyBatches(Connection c, int first, int count, int batches, AtomicInteger next, String[] payloads,
      String hash) throws Exception {
    CopyManager copyManager = c.unwrap(PGConnection.class).getCopyAPI();
    DateTimeFormatter format = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    int b;
    while ((b = next.getAndIncrement()) < batches) {
      String now = format.format(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
      StringBuilder rows = new StringBuilder(batch * 1024);
      for (int k = b * batch; k < Math.min(count, (b + 1) * batch); k++) {
        int i = first + k;
        rows.append(i + 1).append("\tbench\t").append(id(i)).append('\t')
            .append(format.format(LocalDateTime.ofInstant(occurredAt(i), ZoneOffset.UTC))).append('\t').append(now)
            .append("\ttool.invocation\t").append(agent(i)).append('\t').append(session(i)).append('\t').append(task(i))
            .append("\tcrm.lookup\tallow\t")
            .append(payloads[k].replace("\\", "\\\\")).append('\t').append(hash).append('\n');
      }
      byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
      copyManager.copyIn("COPY event (" + COLUMNS + ") FROM STDIN", new ByteArrayInputStream(bytes));
      c.commit();
    }
  }
}
