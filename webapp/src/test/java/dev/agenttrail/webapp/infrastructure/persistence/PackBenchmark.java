package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.reports.evidence.EvidencePack;
import dev.agenttrail.reports.evidence.EvidencePackBuilder;
import dev.agenttrail.reports.evidence.PackScope;
import dev.agenttrail.reports.evidence.PackSigningKey;
import dev.agenttrail.reports.pdf.PdfEvidencePackRenderer;
import dev.agenttrail.reports.verify.PackVerifier;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Evidence-pack benchmark (figures, not assertions): fills an H2 file database with N chained
 * ledger entries (default 1,000,000, about 600 bytes each, 50 agents, over one week) and builds a
 * pack over all of them with the same JDBC source, builder and renderer the server uses, then
 * verifies the ZIP with the offline verifier. Prints the time and the peak heap used. Run with
 * bench/pack-benchmark.sh, which sets -Xmx512m so that a pack needing more heap fails.
 */
public final class PackBenchmark {

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Path.of(args.length > 1 ? args[1] : "webapp/target/pack-bench").toAbsolutePath();
    Files.createDirectories(dir);
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("db-" + events) + "/agenttrail");
    ds.setUser("sa");
    Flyway.configure(PackBenchmark.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();
    Instant from = Instant.parse("2026-11-16T00:00:00Z");
    long have = count(ds);
    if (have != events) {
      if (have != 0) {
        throw new IllegalStateException("the benchmark database holds " + have + " events; delete " + dir);
      }
      long t = System.nanoTime();
      BenchLedger.fill(ds, events, from, Duration.ofDays(7), BenchLedger.TOOL_CALLS, null);
      System.out.printf(Locale.ROOT, "filled %,d events in %.1f s%n", events, (System.nanoTime() - t) / 1e9);
    }
    System.gc();
    HeapSampler sampler = new HeapSampler();
    sampler.start();
    JdbcEvidenceSource source = new JdbcEvidenceSource();
    source.dataSource = ds;
    JdbcLedgerVerifier verifier = new JdbcLedgerVerifier();
    verifier.dataSource = ds;
    source.verifier = verifier;
    EvidencePackBuilder builder = new EvidencePackBuilder(CatalogLoader.loadBuiltIn(), source,
        scope -> java.util.List.of(), new PdfEvidencePackRenderer(), PackSigningKey.ephemeral(), Clock.systemUTC(), "bench");
    Path zip = dir.resolve("pack-" + events + ".zip");
    long started = System.nanoTime();
    EvidencePack pack;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16)) {
      pack = builder.build("bench", new PackScope(from, from.plus(Duration.ofDays(7)), List.of(), List.of()), out, p -> { });
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    sampler.join();
    long peak = sampler.peak;
    System.out.printf(Locale.ROOT, "pack: %,d events, %,d bytes, %.1f s, peak heap in use %d MiB (max heap %d MiB)%n",
        pack.events().count(), Files.size(zip), seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    long v = System.nanoTime();
    PackVerifier.Result result = PackVerifier.verify(zip, null);
    System.out.printf(Locale.ROOT, "offline verification: %s in %.1f s%n", result.valid() ? "VERIFIED" : result.failures(),
        (System.nanoTime() - v) / 1e9);
  }

  private static long count(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM event")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Samples the heap in use (live objects and garbage not yet collected) every 10 ms; keeps the highest. */
  private static final class HeapSampler extends Thread {
    volatile long peak;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      var memory = ManagementFactory.getMemoryMXBean();
      while (!isInterrupted()) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
