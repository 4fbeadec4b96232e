package dev.agenttrail.webapp.bench;

import dev.agenttrail.webapp.infrastructure.persistence.AgentTrailDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest benchmark: starts agenttrail.jar, warms it up until its JIT compiler has settled, then in
 * each of R rounds sends N events in batches from C concurrent HTTP clients (events/s, request
 * latency, the server's CPU and garbage-collection pauses) and right after measures the raw
 * ceiling, plain JDBC batch inserts of the same rows into the same kind of database holding as many
 * rows, and prints AgentTrail's rate as a fraction of it (on PostgreSQL also of one writer loading
 * the same rows with COPY, as AgentTrail does); the summary line takes the medians. Runs on H2, and
 * on PostgreSQL when one answers. Prints figures; asserts nothing.
 *
 * <p>Run it with bench/ingest-benchmark.sh (which builds the test classpath), with the options
 * [--events 200000] [--batch 500]
 *      [--clients 4] [--jar webapp/target/agenttrail.jar] [--pg jdbc:postgresql://127.0.0.1:5432/test]
 *      [--only h2|postgresql] [--detection no-wait] [--warmup 20000] [--jit-settled 10] [--repeat 3]
 *      [--occurred in-order|hour-cycle] [--ids sequential|random]
 * Server JVM options (a flight recording, say) go in AGENTTRAIL_BENCH_JVM_OPTS.
 */
public class IngestBenchmark {

  /** The server's heap (the launcher's default); the raw H2 ceiling gets the page cache it gives. */
  static final long SERVER_HEAP = 1L << 30;

  static int events = 200_000;
  static int batch = 500;
  static int clients = 4;
  static int warmup = 20_000;
  /**
   * Warm-up goes on until the JIT compiler took less than this share of the server's CPU in a round
   * as long as a measured one.
   */
  static double jitSettled = 0.10;
  /** The first warm-up round; the ones after it are as long as a measured round. */
  static int warmupRound = 20_000;
  static int warmupMax = 2_000_000;
  /** Measured rounds, each AgentTrail and then the raw ceiling; the summary takes the medians. */
  static int repeat = 3;
  static String jar = "webapp/target/agenttrail.jar";
  static String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
  static String pgUser = "postgres";
  static String pgPassword = "";
  static String only = "";
  static boolean waitForDetection = true;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  public static void main(String[] args) throws Exception {
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--events" -> events = Integer.parseInt(args[i + 1]);
        case "--batch" -> batch = Integer.parseInt(args[i + 1]);
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--jit-settled" -> jitSettled = Double.parseDouble(args[i + 1]) / 100;
        case "--repeat" -> repeat = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--jar" -> jar = args[i + 1];
        case "--pg" -> pgUrl = args[i + 1];
        case "--pg-user" -> pgUser = args[i + 1];
        case "--only" -> only = args[i + 1].toLowerCase(Locale.ROOT);
        case "--detection" -> waitForDetection = !args[i + 1].equals("no-wait");
        case "--occurred" -> BenchEvents.hourCycle = switch (args[i + 1]) {
          case "in-order" -> false;
          case "hour-cycle" -> true;
          default -> throw new IllegalArgumentException("--occurred takes in-order or hour-cycle, not " + args[i + 1]);
        };
        case "--ids" -> BenchEvents.randomIds = switch (args[i + 1]) {
          case "sequential" -> false;
          case "random" -> true;
          default -> throw new IllegalArgumentException("--ids takes sequential or random, not " + args[i + 1]);
        };
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "AgentTrail ingest benchmark: %,d events a round (after at least %,d warm-up events), batches of %d, %d clients, %d cores,"
        + " occurredAt %s, ids %s, %s%n", events, warmup, batch, clients, Runtime.getRuntime().availableProcessors(),
        BenchEvents.hourCycle ? "cycling through one hour" : "in order", BenchEvents.randomIds ? "random" : "sequential",
        Instant.now());
    Path work = Files.createDirectories(Path.of("bench-data", "run-" + System.currentTimeMillis()));
    if (!only.equals("postgresql")) {
      run("H2", work, null);
    }
    if (only.equals("h2")) {
      return;
    }
    if (BenchProcesses.pgAnswers(pgUrl, pgUser, pgPassword)) {
      run("PostgreSQL", work, pgUrl + "?currentSchema=bench_" + System.currentTimeMillis());
    } else {
      System.out.println("PostgreSQL: skipped, nothing answers at " + pgUrl);
    }
  }

  static void run(String db, Path work, String dbUrl) throws Exception {
    System.out.println();
    System.out.println("== " + db);
    Path dataDir = work.resolve(db.toLowerCase(Locale.ROOT));
    int port = BenchProcesses.freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + SERVER_HEAP / (1024 * 1024) + "m"));
    // Extra server JVM options, e.g. a flight recording: AGENTTRAIL_BENCH_JVM_OPTS="-XX:StartFlightRecording=filename=h2.jfr"
    String extra = System.getenv().getOrDefault("AGENTTRAIL_BENCH_JVM_OPTS", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dataDir.resolveSibling(db.toLowerCase(Locale.ROOT) + "-server.log").toFile());
    Files.createDirectories(dataDir);
    pb.environment().put("AGENTTRAIL_HTTP_PORT", Integer.toString(port));
    pb.environment().put("AGENTTRAIL_DATA_DIR", dataDir.toString());
    pb.environment().put("AGENTTRAIL_ADMIN_TOKEN", "bench-admin-token");
    pb.environment().put("AGENTTRAIL_ADMIN_PASSWORD", "bench-admin-password");
    if (dbUrl != null) {
      pb.environment().put("AGENTTRAIL_DB_URL", dbUrl);
      pb.environment().put("AGENTTRAIL_DB_USER", pgUser);
      pb.environment().put("AGENTTRAIL_DB_PASSWORD", pgPassword);
    }
    long bootStart = System.nanoTime();
    Process server = pb.start();
    String base = "http://127.0.0.1:" + port;
    List<double[]> rounds = new ArrayList<>(); // events/s, p99 ms, raw 1 writer, raw n writers
    List<String> schemas = new ArrayList<>(); // PostgreSQL schemas to drop afterwards
    if (dbUrl != null) {
      schemas.add(schema(dbUrl));
    }
    try {
      waitReady(base, server);
      System.out.printf(Locale.ROOT, "start-up to ready: %.1f s%n", (System.nanoTime() - bootStart) / 1e9);
      int warmed = warmUp(base, server);
      // The raw tables start as full as the ledger, and their JVM warm, as the server's was.
      RawCeiling single = new RawCeiling(rawUrl(dbUrl, work, "1"), dbUrl != null);
      RawCeiling parallel = new RawCeiling(rawUrl(dbUrl, work, "n"), dbUrl != null);
      // AgentTrail writes with COPY on PostgreSQL: also measure that, one writer, as a second ceiling.
      RawCeiling copied = dbUrl == null ? null : new RawCeiling(rawUrl(dbUrl, work, "c"), true, true);
      if (dbUrl != null) {
        schemas.add(schema(single.url));
        schemas.add(schema(parallel.url));
        schemas.add(schema(copied.url));
      }
      single.insert(warmed, 1, false);
      parallel.insert(warmed, 1, false);
      if (copied != null) {
        copied.insert(warmed, 1, false);
      }
      // Each round measures AgentTrail and then, a moment later, the ceiling: the machine's speed
      // drifts over minutes, so a ratio of neighbours is steadier than a ratio of separate runs.
      for (int r = 1; r <= repeat; r++) {
        System.out.printf(Locale.ROOT, "-- round %d of %d%n", r, repeat);
        Round http = ingest(base, server, "bench-" + r, events, true);
        double one = single.insert(events, 1, true);
        double many = parallel.insert(events, clients, true);
        double copy = copied == null ? Double.NaN : copied.insert(events, 1, true);
        System.out.printf(Locale.ROOT, "AgentTrail / raw JDBC ceiling: %.0f %% of 1 writer, %.0f %% of %d writers%s%n",
            100 * http.eventsPerSecond() / one, 100 * http.eventsPerSecond() / many, clients,
            copied == null ? "" : String.format(Locale.ROOT, "; %.0f %% of 1 COPY writer", 100 * http.eventsPerSecond() / copy));
        rounds.add(new double[] {http.eventsPerSecond(), http.p99Millis(), one, many, copy});
      }
      long t = System.nanoTime();
      HttpResponse<String> verify = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/verify"))
          .header("Authorization", "Bearer bench-admin-token").build(), HttpResponse.BodyHandlers.ofString());
      System.out.printf(Locale.ROOT, "ledger verify (%.1f s): %s%n", (System.nanoTime() - t) / 1e9, verify.body());
    } finally {
      server.destroy();
      server.waitFor();
      // A run writes a few GB (the warm-up alone is up to 2,000,000 events): keep only the logs.
      for (String schema : schemas) {
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword); Statement st = c.createStatement()) {
          st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
      for (Path dir : List.of(dataDir, work.resolve("raw-h2-1"), work.resolve("raw-h2-n"))) {
        BenchProcesses.deleteTree(dir);
      }
    }
    System.out.printf(Locale.ROOT, "%s, median of %d rounds: AgentTrail %,.0f events/s, p99 %.0f ms; raw ceiling %,.0f rows/s"
        + " (1 writer), %,.0f rows/s (%d writers); AgentTrail / raw %.0f %% of 1 writer, %.0f %% of %d writers%n",
        db, rounds.size(), median(rounds, r -> r[0]), median(rounds, r -> r[1]), median(rounds, r -> r[2]),
        median(rounds, r -> r[3]), clients, 100 * median(rounds, r -> r[0] / r[2]), 100 * median(rounds, r -> r[0] / r[3]), clients);
    if (dbUrl != null) {
      System.out.printf(Locale.ROOT, "%s, median of %d rounds: raw COPY ceiling %,.0f rows/s (1 writer); AgentTrail / raw COPY %.0f %%%n",
          db, rounds.size(), median(rounds, r -> r[4]), 100 * median(rounds, r -> r[0] / r[4]));
    }
  }

  static double median(List<double[]> rounds, java.util.function.ToDoubleFunction<double[]> f) {
    double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /**
   * Sends a first round of {@code warmupRound} events (printed as what a server sees in its first
   * minute), then rounds as long as a measured one, until at least {@code warmup} events are sent
   * and the server's JIT compiler threads took less than {@code jitSettled} of its CPU in the last
   * round: a server that has run for a while has compiled its hot code, one just started spends up
   * to half of two cores on it. Rounds as long as the measured ones, because code
   * that runs once per request reaches the compiler's top tier only after thousands of requests:
   * over rounds of 20,000 events the share swung between 2 and 10 % and the next 200,000 still had
   * 12 to 19 % (docs/benchmarks.md, "A server that has run for a while"). Every warm-up round is a
   * measured round but for its printing.
   */
  static int warmUp(String base, Process server) throws Exception {
    Round first = ingest(base, server, "warmup-1", warmupRound, false);
    System.out.printf(Locale.ROOT, "first %,d events after start-up: %,.0f events/s, p99 %.0f ms, JIT compiler %.0f %% of server CPU%n",
        warmupRound, first.eventsPerSecond(), first.p99Millis(), 100 * first.jitShare());
    double jitShare = first.jitShare();
    int sent = warmupRound;
    int round = 1;
    while (sent < warmup || jitSettled > 0 && jitShare >= jitSettled && sent < warmupMax) {
      // The same requests as a measured round, in the same order, so that the code they share is
      // compiled for all of them (an admin request after hundreds of ingest ones otherwise sends
      // the request path's compiled code back to the interpreter when a measured round starts).
      Round r = ingest(base, server, "warmup-" + ++round, events, false);
      jitShare = r.jitShare();
      System.out.printf(Locale.ROOT, "warm-up round %d, %,d events: %,.0f events/s, p99 %.0f ms, JIT compiler %.0f %% of server CPU%n",
          round, events, r.eventsPerSecond(), r.p99Millis(), 100 * jitShare);
      sent += events;
    }
    System.out.printf(Locale.ROOT, "warm-up: %,d events in %d rounds; JIT compiler %.0f %% of server CPU in the last round%s%n",
        sent, round, 100 * jitShare, jitShare >= jitSettled && jitSettled > 0 ? " (did not settle; measuring anyway)" : "");
    return sent;
  }

  /** What a round answers: AgentTrail's rate, its p99 request latency, the JIT's share of the server's CPU. */
  record Round(double eventsPerSecond, double p99Millis, double jitShare) {}

  /** One round of {@code count} events into a new source, printed if {@code print} (a measured one). */
  static Round ingest(String base, Process server, String source, int count, boolean print) throws Exception {
    String key = registerSource(base, source);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, double[]> gcBefore = collections(base);
    long ingestStart = System.nanoTime();
    long cpuBefore = BenchProcesses.cpuNanos(server);
    long jitBefore = BenchProcesses.jitNanos(server);
    double seconds = send(base, key, count, latencies);
    long ingestEnd = System.nanoTime();
    long cpuIngest = BenchProcesses.cpuNanos(server) - cpuBefore;
    long jitIngest = BenchProcesses.jitNanos(server) - jitBefore;
    Map<String, double[]> gcAfter = collections(base);
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double rate = count / seconds;
    double jitShare = cpuIngest == 0 ? 0 : (double) jitIngest / cpuIngest;
    Round round = new Round(rate, pct(sorted, 0.99), jitShare);
    if (!print) {
      if (waitForDetection) { // what detection() asks the server, unprinted
        awaitDetection(base);
        metrics(base);
      }
      return round;
    }
    System.out.printf(Locale.ROOT, "AgentTrail HTTP ingest: %,d events in %.1f s = %,.0f events/s; request latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        count, seconds, rate, pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    System.out.printf(Locale.ROOT, "server CPU while ingesting: %.0f us per event (%.2f cores busy; JIT compiler %.0f %% of it)%n",
        cpuIngest / 1e3 / count, cpuIngest / 1e9 / seconds, 100 * jitShare);
    StringBuilder gc = new StringBuilder();
    gcAfter.forEach((collector, after) -> {
      double[] before = gcBefore.getOrDefault(collector, new double[2]);
      gc.append(gc.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.0f, %.2f s (%.0f %% of the round)",
          collector, after[0] - before[0], after[1] - before[1], 100 * (after[1] - before[1]) / seconds));
    });
    System.out.println("server garbage collections while ingesting (count, time): " + (gc.length() == 0 ? "n/a" : gc));
    if (waitForDetection) {
      detection(base, count, ingestStart, ingestEnd);
      System.out.printf(Locale.ROOT, "server CPU from the first event to detection caught up: %.0f us per event%n",
          (BenchProcesses.cpuNanos(server) - cpuBefore) / 1e3 / count);
    }
    return round;
  }

  /**
   * Detection runs behind the ledger: waits until it has processed every event, then prints how long
   * after the last ingest it caught up, its throughput over the whole run, and the delay from storing
   * an event to committing the detection step that processed it (the server's timer).
   */
  static void detection(String base, int count, long ingestStart, long ingestEnd) throws Exception {
    long caughtUp = awaitDetection(base);
    System.out.printf(Locale.ROOT, "detection: caught up %.1f s after the last ingest; %,.0f events/s over the run%n",
        (caughtUp - ingestEnd) / 1e9, count / ((caughtUp - ingestStart) / 1e9));
    String metrics = metrics(base);
    StringBuilder delay = new StringBuilder();
    StringBuilder lock = new StringBuilder();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.contains("agenttrail_detection_delay") && (line.contains("_mean") || line.contains("_max") || line.contains("\"0.99\""))) {
        delay.append("\n  ").append(line);
      } else if (line.contains("agenttrail_ledger_lock") && (line.contains("_sum") || line.contains("_count")
          || line.contains("lock_held_max") || line.contains("lock_held{") && (line.contains("\"0.5\"") || line.contains("\"0.99\"")))
          || line.contains("agenttrail_ledger_group_batches") && (line.contains("_count") || line.contains("_mean")
          || line.contains("_max"))) {
        lock.append("\n  ").append(line);
      }
    }
    System.out.println("detection delay (store to detected, ns): " + (delay.length() == 0 ? "n/a" : delay));
    System.out.printf(Locale.ROOT, "ledger lock held and waited, and batches per group commit (over warm-up and run; the run took %.1f s): %s%n",
        (ingestEnd - ingestStart) / 1e9, lock.length() == 0 ? "n/a" : lock);
  }

  /** Waits until detection has processed every stored event; answers when (System.nanoTime). */
  static long awaitDetection(String base) throws Exception {
    long behind;
    do {
      String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/detection"))
          .header("Authorization", "Bearer bench-admin-token").build(), HttpResponse.BodyHandlers.ofString()).body();
      behind = Long.parseLong(body.replaceAll(".*\"behind\":(\\d+).*", "$1"));
      if (behind > 0) {
        Thread.sleep(100);
      }
    } while (behind > 0);
    return System.nanoTime();
  }

  private static final Pattern GC_METRIC = Pattern.compile("gc_(time_seconds_)?total\\{.*name=\"([^\"]+)\".*\\} (\\S+)");

  /**
   * The server's garbage collections so far, per collector: {count, seconds}, from MicroProfile
   * Metrics' base {@code gc_total} and {@code gc_time_seconds_total}. For G1 the young collector's
   * time is its pauses; concurrent cycles are not in it.
   */
  static Map<String, double[]> collections(String base) throws Exception {
    Map<String, double[]> out = new TreeMap<>();
    for (String line : metrics(base).split("\n")) {
      Matcher m = GC_METRIC.matcher(line);
      if (m.matches()) {
        out.computeIfAbsent(m.group(2), k -> new double[2])[m.group(1) == null ? 0 : 1] = Double.parseDouble(m.group(3));
      }
    }
    return out;
  }

  /** The server's /metrics in Prometheus text. */
  static String metrics(String base) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).header("Accept", "text/plain").build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /**
   * Sends {@code count} events in batches from the clients; answers the seconds it took. The request
   * bodies are built before the clock starts, so generating them does not take the cores the server
   * is measured on.
   */
  static double send(String base, String key, int count, List<Long> latencies) throws Exception {
    AtomicInteger next = new AtomicInteger();
    int events = count;
    int batches = (events + batch - 1) / batch;
    List<byte[]> bodies = new ArrayList<>(batches);
    for (int b = 0; b < batches; b++) {
      StringBuilder body = new StringBuilder(batch * 640).append('[');
      for (int i = b * batch; i < Math.min(events, (b + 1) * batch); i++) {
        body.append(i == b * batch ? "" : ",").append(BenchEvents.event(i));
      }
      bodies.add(body.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> jobs = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      jobs.add(pool.submit(() -> {
        int b;
        while ((b = next.getAndIncrement()) < batches) {
          HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
              .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build();
          long t = System.nanoTime();
          HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
          latencies.add(System.nanoTime() - t);
          if (response.statusCode() != 202) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
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
    return seconds;
  }

  static String schema(String url) {
    return url.replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
  }

  /**
   * Where a raw ceiling's table lives: a new schema on PostgreSQL; on H2 a new file with the
   * settings AgentTrail gives its own H2 (every commit written before it returns; the page cache of
   * the server's heap, {@link #SERVER_HEAP}), made by the same code.
   */
  static String rawUrl(String dbUrl, Path work, String tag) {
    return dbUrl != null ? pgUrl + "?currentSchema=bench_raw" + tag + "_" + System.currentTimeMillis()
        : AgentTrailDataSource.cached(AgentTrailDataSource.durable(
            "jdbc:h2:file:" + work.resolve("raw-h2-" + tag).resolve("raw").toAbsolutePath()), SERVER_HEAP);
  }

  static String registerSource(String base, String name) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sources"))
        .header("Authorization", "Bearer bench-admin-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    return r.body().replaceAll(".*\"ingestKey\":\"([^\"]+)\".*", "$1");
  }

  static void waitReady(String base, Process server) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (!server.isAlive()) {
        throw new IllegalStateException("AgentTrail exited during start-up; see bench-data/run-*/*-server.log");
      }
      try {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("AgentTrail was not ready within 120 s");
  }

  static double pct(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }
}
