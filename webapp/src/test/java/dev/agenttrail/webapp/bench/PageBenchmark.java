package dev.agenttrail.webapp.bench;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.domain.escalation.Approver;
import dev.agenttrail.domain.escalation.ApprovalRequest;
import dev.agenttrail.domain.escalation.Decider;
import dev.agenttrail.domain.escalation.EscalationCase;
import dev.agenttrail.domain.escalation.EscalationLevel;
import dev.agenttrail.domain.escalation.EscalationPolicy;
import dev.agenttrail.domain.escalation.PolicyMatch;
import dev.agenttrail.webapp.infrastructure.detection.BenchDetection;
import dev.agenttrail.webapp.infrastructure.persistence.BenchLedger;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEscalationCases;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Dashboard page benchmark (figures, not assertions), for issue #8: fills a database with N ledger
 * entries (default 1,000,000, about 600 bytes, 50 agents, 3 sources, over the last 14 days) and what
 * detection would have derived from them (per-day counts, control evidence, classified blocks), 10,000
 * incidents written by detection's own writer with evidence, mappings and history, escalation cases
 * and a few evidence packs; sets the detection cursor to the ledger's end; starts the real {@code
 * agenttrail.jar} on it; signs in as admin through the sign-in form; and requests every page (and the
 * heavy variants: filters, sorting, the second page of the lazy incidents table, time ranges, one
 * event shown) a few times to warm up and then {@code --requests} times. Prints p50, p95 and max of
 * the server's {@code Server-Timing} figure and of the client-observed time per page. Runs on H2,
 * then on PostgreSQL when one answers (a fresh schema, dropped afterwards). Run with
 * bench/page-benchmark.sh.
 */
public final class PageBenchmark {

  static int events = 1_000_000;
  static int incidents = 10_000;
  static int requests = 20;
  static int warmup = 5;
  static String jar = "webapp/target/agenttrail.jar";
  static String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
  static String pgUser = "postgres";
  static String only;
  static boolean keep;
  static final int AGENTS = 50;
  static final String[] SOURCES = {"gw-edge", "gw-internal", "opa-prod"};
  static final String PASSWORD = "bench-admin-password";

  public static void main(String[] args) throws Exception {
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--events" -> events = Integer.parseInt(args[i + 1]);
        case "--incidents" -> incidents = Integer.parseInt(args[i + 1]);
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--jar" -> jar = args[i + 1];
        case "--pg" -> pgUrl = args[i + 1];
        case "--only" -> only = args[i + 1];
        case "--keep" -> keep = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "AgentTrail page benchmark: %,d events, %,d incidents, %d warm-up + %d measured requests a page,"
        + " %d cores, %s, load average %s%n", events, incidents, warmup, requests, Runtime.getRuntime().availableProcessors(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAverage());
    Path work = Files.createDirectories(Path.of("bench-data", "pages-" + System.currentTimeMillis())).toAbsolutePath();
    if (only == null || only.equals("h2")) {
      run("H2", work, null);
    }
    if (only == null || only.equals("pg")) {
      if (BenchProcesses.pgAnswers(pgUrl, pgUser, "")) {
        run("PostgreSQL", work, "page_bench_" + System.currentTimeMillis());
      } else {
        System.out.println("PostgreSQL: skipped, nothing answers at " + pgUrl);
      }
    }
  }

  static void run(String db, Path work, String pgSchema) throws Exception {
    System.out.println();
    System.out.println("== " + db);
    Path dataDir = Files.createDirectories(work.resolve(db.toLowerCase(Locale.ROOT)));
    String appUrl = pgSchema == null ? null : pgUrl + "?currentSchema=" + pgSchema;
    try {
      DataSource ds;
      if (pgSchema == null) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("db").resolve("agenttrail") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000");
        h2.setUser("agenttrail");
        h2.setPassword("");
        ds = h2;
      } else {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(appUrl + "&reWriteBatchedInserts=true");
        pg.setUser(pgUser);
        ds = pg;
      }
      long t = System.nanoTime();
      Fill fill = fill(ds, pgSchema);
      System.out.printf(Locale.ROOT, "filled in %.1f s: %,d events, %,d incidents, %,d evidence rows, %,d control-evidence rows,"
          + " %,d escalation cases, %d evidence packs%n", (System.nanoTime() - t) / 1e9, count(ds, "event"), count(ds, "incident"),
          count(ds, "incident_evidence"), count(ds, "control_evidence"), count(ds, "escalation_case"), count(ds, "evidence_pack"));
      measure(db, dataDir, appUrl, fill);
    } finally {
      if (!keep) {
        try (var files = Files.walk(dataDir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      if (pgSchema != null) {
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, ""); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
        }
        System.out.println("dropped schema " + pgSchema);
      }
    }
  }

  /** What the measurement needs to know of the filled database. */
  record Fill(Instant from, Instant to, long busyIncident, String agent, String signal) {}

  static Fill fill(DataSource ds, String pgSchema) throws Exception {
    var flyway = Flyway.configure(PageBenchmark.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration");
    if (pgSchema != null) {
      flyway.schemas(pgSchema);
    }
    flyway.load().migrate();
    Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
    Instant from = to.minus(Duration.ofDays(14));
    Duration span = Duration.between(from, to);
    BenchDetection detection = new BenchDetection();
    long t = System.nanoTime();
    BenchLedger.fill(ds, events, from, span, PageBenchmark::entry, (seq, e) -> detection.observe(seq, e.payload(), e.at()));
    detection.writeDerived(ds, events);
    t = phase("ledger and per-day tables", t);
    try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
        "INSERT INTO source (name, mode, heartbeat, created_at, version) VALUES (?, 'ENFORCE', NULL, ?, 0)")) {
      for (String source : SOURCES) {
        s.setString(1, source);
        s.setObject(2, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
        s.executeUpdate();
      }
    }
    Catalog catalog = CatalogLoader.loadBuiltIn();
    long spanMillis = span.toMillis();
    BenchDetection.incidents(ds, catalog, incidents, AGENTS, seq -> from.plusMillis(seq * spanMillis / (events + 1)),
        new BenchDetection.EvidencePicker() {
          @Override
          public List<Long> pick(int agent, int count, Random random) {
            int perAgent = events / AGENTS;
            int start = random.nextInt(Math.max(1, perAgent - count * 3));
            Set<Long> out = new TreeSet<>();
            for (int i = 0; i < count; i++) {
              long seq = agent + (long) AGENTS * (start + i * (1 + random.nextInt(3)));
              if (seq >= 1 && seq <= events) {
                out.add(seq);
              }
            }
            if (out.isEmpty()) {
              out.add((long) (agent == 0 ? AGENTS : agent));
            }
            return new ArrayList<>(out);
          }

          @Override
          public String agent(int agent) {
            return agentId(agent);
          }

          @Override
          public String source(long seq) {
            return SOURCES[(int) (seq % AGENTS) % SOURCES.length];
          }
        }, new Random(8));
    t = phase("incidents", t);
    escalations(ds, to);
    packs(ds, from, to);
    phase("escalations and packs", t);
    if (pgSchema != null) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
    long busy;
    String agent;
    String signal;
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT id, agent_id, signal FROM incident WHERE agent_id IS NOT NULL ORDER BY evidence_count DESC, id LIMIT 1")) {
      rs.next();
      busy = rs.getLong(1);
      agent = rs.getString(2);
      signal = rs.getString(3);
    }
    return new Fill(from, to, busy, agent, signal);
  }

  static long phase(String what, long since) {
    long now = System.nanoTime();
    System.out.printf(Locale.ROOT, "  %s: %.1f s%n", what, (now - since) / 1e9);
    return now;
  }

  static String agentId(int agent) {
    return "spiffe://acme.example/agents/agent-" + (agent < 10 ? "0" : "") + agent;
  }

  private static final String[] TOOLS = {"crm.lookup", "search", "payments.refund", "mail.send", "docs.read", "shell.exec"};

  /** A varied entry of about 600 bytes; agent = seq mod 50, and each agent reports through one source. */
  static BenchLedger.Entry entry(long seq, Instant at) {
    int a = (int) (seq % AGENTS);
    String agent = agentId(a);
    String source = SOURCES[a % SOURCES.length];
    String task = "T-" + (seq / 400);
    String session = "s-" + (seq / 120);
    int kind = (int) ((seq * 7919) % 100);
    String tool = TOOLS[(int) ((seq / 3) % TOOLS.length)];
    String type;
    String outcome = null;
    StringBuilder body = new StringBuilder(700);
    StringBuilder tail = new StringBuilder();
    if (kind < 70) {
      type = "tool.invocation";
      body.append("\"action\":{\"operation\":\"read\",\"resource\":\"crm://customers/").append(seq % 9973).append("\",\"tool\":\"")
          .append(tool).append("\"},");
      if (kind < 56) {
        tail.append(",\"intent\":\"look up the customer's open orders to answer ticket ").append(seq % 5000).append("\"");
      }
    } else if (kind < 90) {
      type = "policy.decision";
      outcome = kind < 87 ? "allow" : "deny";
      body.append("\"action\":{\"tool\":\"").append(tool).append("\"},");
    } else if (kind < 95) {
      type = "task.started";
    } else {
      type = "credential.issued";
    }
    body.append("\"agent\":{\"id\":\"").append(agent).append("\",\"session\":\"").append(session).append("\",\"task\":\"").append(task)
        .append("\"},\"attributes\":{\"gateway\":\"").append(source).append("-1\",\"latencyMs\":").append(seq % 97)
        .append(",\"note\":\"%PAD%\"},");
    if (type.equals("credential.issued")) {
      body.append("\"credential\":{\"expiresAt\":\"").append(at.plusSeconds(900)).append("\",\"id\":\"cred-").append(seq)
          .append("\"},");
    }
    body.append("\"data\":{\"classification\":\"internal\",\"scope\":\"crm.customers\"},");
    if (type.equals("policy.decision")) {
      body.append("\"decision\":{\"mode\":\"enforce\",\"outcome\":\"").append(outcome).append("\",\"policy\":\"agents/tools\"")
          .append(outcome.equals("deny") ? ",\"reason\":\"tool not declared for task\"" : "").append("},");
    }
    if (type.equals("task.started")) {
      body.append("\"declared\":{\"dataScopes\":[\"crm.customers\"],\"tools\":[\"crm.lookup\",\"search\",\"docs.read\"]},");
    }
    body.append("\"id\":\"e-").append(seq).append("\"").append(tail)
        .append(",\"occurredAt\":\"").append(at).append("\",\"source\":\"").append(source).append("\",\"type\":\"").append(type)
        .append("\"");
    String json = "{" + body + "}";
    int pad = Math.max(8, 600 - (json.length() - "%PAD%".length()));
    json = json.replace("%PAD%", "p".repeat(pad));
    return new BenchLedger.Entry(source, "e-" + seq, at, type, agent, session, task,
        type.equals("tool.invocation") || type.equals("policy.decision") ? tool : null, outcome, json);
  }

  /** 200 cases of one two-level policy: 50 waiting, the others approved, rejected or expired, with their history. */
  static void escalations(DataSource ds, Instant to) throws Exception {
    EscalationPolicy policy = new EscalationPolicy("payments-approval", new PolicyMatch(List.of(), List.of("payments.*"), List.of(),
        null, List.of()), List.of(new EscalationLevel(List.of(Approver.parse("role:APPROVER")), Duration.ofHours(4)),
            new EscalationLevel(List.of(Approver.parse("role:ADMIN")), Duration.ofHours(8))));
    try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO escalation_policy (name,"
        + " match_json, levels_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, policy.name());
      s.setString(2, "{\"tools\":[\"payments.*\"]}");
      s.setString(3, "[{\"approvers\":[\"role:APPROVER\"],\"deadline\":\"PT4H\"},{\"approvers\":[\"role:ADMIN\"],\"deadline\":\"PT8H\"}]");
      s.setObject(4, LocalDateTime.ofInstant(to.minus(Duration.ofDays(30)), ZoneOffset.UTC));
      s.setObject(5, LocalDateTime.ofInstant(to.minus(Duration.ofDays(30)), ZoneOffset.UTC));
      s.executeUpdate();
    }
    JdbcEscalationCases cases = JdbcEscalationCases.over(ds);
    Decider approver = new Decider("approver-1", Set.of("APPROVER"));
    for (int i = 0; i < 200; i++) {
      long seq = 1 + (long) i * (events / 200);
      Instant opened = i < 50 ? to.minus(Duration.ofMinutes(3L * i)) : to.minus(Duration.ofHours(6 + i));
      String agent = agentId((int) (seq % AGENTS));
      ApprovalRequest request = new ApprovalRequest(SOURCES[(int) (seq % AGENTS) % SOURCES.length], "ap-" + i, "e-" + seq, seq,
          agent, "user-" + (i % 17), "payments.refund", "create", "payments://refunds/" + i, "confidential", opened);
      EscalationCase c = EscalationCase.open(UUID.randomUUID().toString(), policy, request, opened);
      cases.insert(c);
      if (i >= 50) {
        EscalationCase stored = cases.find(c.id(), false).orElseThrow();
        if (i % 10 == 0) {
          stored.advance(opened.plus(Duration.ofHours(13)));
        } else {
          stored.decide(approver, i % 4 != 0, "checked against ticket " + i, opened.plus(Duration.ofMinutes(20 + i % 60)));
        }
        cases.update(stored);
      }
    }
  }

  /** Five finished packs (rows only: the page lists them; nobody downloads them here). */
  static void packs(DataSource ds, Instant from, Instant to) throws Exception {
    try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO evidence_pack (id, status, progress,"
        + " period_from, period_to, frameworks, agents, requested_by, requested_at, started_at, finished_at, duration_ms, events,"
        + " size_bytes, sha256) VALUES (?, 'done', 100, ?, ?, '', '', 'admin', ?, ?, ?, 34700, ?, 67300000, ?)")) {
      for (int i = 0; i < 5; i++) {
        LocalDateTime at = LocalDateTime.ofInstant(to.minus(Duration.ofDays(i)), ZoneOffset.UTC);
        s.setString(1, UUID.randomUUID().toString());
        s.setObject(2, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
        s.setObject(3, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
        s.setObject(4, at);
        s.setObject(5, at);
        s.setObject(6, at.plusSeconds(35));
        s.setLong(7, events);
        s.setString(8, "0".repeat(64));
        s.executeUpdate();
      }
    }
  }

  static void measure(String db, Path dataDir, String appUrl, Fill fill) throws Exception {
    int port = BenchProcesses.freePort();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar)
        .redirectErrorStream(true).redirectOutput(dataDir.resolveSibling(db.toLowerCase(Locale.ROOT) + "-server.log").toFile());
    pb.environment().put("AGENTTRAIL_HTTP_PORT", Integer.toString(port));
    pb.environment().put("AGENTTRAIL_DATA_DIR", dataDir.toString());
    pb.environment().put("AGENTTRAIL_ADMIN_PASSWORD", PASSWORD);
    if (appUrl != null) {
      pb.environment().put("AGENTTRAIL_DB_URL", appUrl);
      pb.environment().put("AGENTTRAIL_DB_USER", pgUser);
      pb.environment().put("AGENTTRAIL_DB_PASSWORD", "");
    }
    long boot = System.nanoTime();
    Process server = pb.start();
    try {
      URI app = URI.create("http://127.0.0.1:" + port + "/");
      waitReady(app, server);
      System.out.printf(Locale.ROOT, "start-up to ready: %.1f s; load average %s%n", (System.nanoTime() - boot) / 1e9, loadAverage());
      PageSession admin = new PageSession(app);
      admin.signIn("admin", PASSWORD);
      PageSession anonymous = new PageSession(app);
      Map<String, Supplier<PageSession.Answer>> cases = cases(admin, anonymous, fill);
      System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s   %9s %9s %9s%n", "page (ms)", "srv p50", "srv p95", "srv max", "cli p50",
          "cli p95", "cli max");
      for (Map.Entry<String, Supplier<PageSession.Answer>> c : cases.entrySet()) {
        PREPARE.getOrDefault(c.getKey(), () -> { }).run();
        for (int i = 0; i < warmup; i++) {
          c.getValue().get();
        }
        double[] srv = new double[requests];
        double[] cli = new double[requests];
        for (int i = 0; i < requests; i++) {
          PageSession.Answer a = c.getValue().get();
          srv[i] = a.serverMs();
          cli[i] = a.clientMs();
        }
        Arrays.sort(srv);
        Arrays.sort(cli);
        System.out.printf(Locale.ROOT, "%-34s %9.1f %9.1f %9.1f   %9.1f %9.1f %9.1f%s%n", c.getKey(), pct(srv, 0.5), pct(srv, 0.95),
            srv[requests - 1], pct(cli, 0.5), pct(cli, 0.95), cli[requests - 1], srv[requests - 1] > 500 ? "  OVER 500 ms" : "");
      }
      System.out.printf(Locale.ROOT, "load average after the %s run: %s%n", db, loadAverage());
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  /** What to do before a case is measured: open the page whose view its ajax requests post to. */
  static final Map<String, Runnable> PREPARE = new java.util.HashMap<>();

  /** Every page and its heavy variants, each a request that checks its answer. */
  static Map<String, Supplier<PageSession.Answer>> cases(PageSession s, PageSession anonymous, Fill fill) {
    String agent = URLEncoder.encode(fill.agent(), StandardCharsets.UTF_8);
    Map<String, Supplier<PageSession.Answer>> out = new LinkedHashMap<>();
    out.put("login (signed out)", () -> page(anonymous, "login.xhtml", "login:username"));
    out.put("overview", () -> page(s, "index.xhtml", "id=\"eventCount\""));
    for (int days : new int[] {7, 30, 90}) {
      out.put("coverage " + days + " days", () -> page(s, "coverage.xhtml?days=" + days, "data-entry="));
    }
    out.put("incidents (open)", () -> page(s, "incidents.xhtml", "data-ri=\"0\""));
    out.put("incidents (any status)", () -> page(s, "incidents.xhtml?status=", "data-ri=\"0\""));
    out.put("incidents by signal and agent", () -> page(s, "incidents.xhtml?status=&signal=" + fill.signal() + "&agent=" + agent,
        "data-ri=\"0\""));
    out.put("incidents by entry ASI02", () -> page(s, "incidents.xhtml?status=&entry=ASI02", "data-ri=\"0\""));
    // a view holds its state only while it is among the session's most recent ones: each ajax case
    // opens its page again right before it is measured
    String[] viewState = new String[2];
    String[] lastSeen = new String[1];
    Runnable incidentsView = () -> {
      PageSession.Answer incidentsPage = page(s, "incidents.xhtml?status=", "data-ri=\"0\"");
      viewState[0] = incidentsPage.viewState();
      viewState[1] = incidentsPage.nonce();
      List<String> sortable = new ArrayList<>();
      Matcher th = Pattern.compile("<th id=\"(incidentsForm:table:[^\"]+)\"[^>]*ui-sortable-column").matcher(incidentsPage.body());
      while (th.find()) {
        sortable.add(th.group(1));
      }
      lastSeen[0] = sortable.get(sortable.size() - 1);
    };
    PREPARE.put("incidents sorted by last seen (ajax)", incidentsView);
    out.put("incidents sorted by last seen (ajax)", () -> ajax(s, "incidents.xhtml", viewState, "incidentsForm", "incidentsForm:table",
        "incidentsForm:table", "incidentsForm:table", Map.of("incidentsForm:table_sorting", "true", "incidentsForm:table_skipChildren",
            "true", "incidentsForm:table_encodeFeature", "true", "incidentsForm:table_sortKey", lastSeen[0],
            "incidentsForm:table_sortDir", "-1"), "data-ri=\"0\""));
    PREPARE.put("incidents page 2 (ajax)", incidentsView);
    out.put("incidents page 2 (ajax)", () -> ajax(s, "incidents.xhtml", viewState, "incidentsForm", "incidentsForm:table",
        "incidentsForm:table", "incidentsForm:table", Map.of("incidentsForm:table_pagination", "true", "incidentsForm:table_first", "25",
            "incidentsForm:table_rows", "25", "incidentsForm:table_skipChildren", "true", "incidentsForm:table_encodeFeature", "true"),
        "data-ri=\"25\""));
    out.put("incident detail (" + fill.busyIncident() + ")", () -> page(s, "incident.xhtml?id=" + fill.busyIncident(),
        "Incident " + fill.busyIncident()));
    out.put("escalations", () -> page(s, "escalations.xhtml", "decideForm:cases"));
    out.put("events (newest)", () -> page(s, "events.xhtml", "eventsForm:table:0:show"));
    out.put("events by agent", () -> page(s, "events.xhtml?agent=" + agent, "eventsForm:table:0:show"));
    String[] eventsState = new String[2];
    Runnable eventsView = () -> {
      PageSession.Answer eventsPage = page(s, "events.xhtml", "eventsForm:table:0:show");
      eventsState[0] = eventsPage.viewState();
      eventsState[1] = eventsPage.nonce();
    };
    Instant middle = fill.from().plus(Duration.between(fill.from(), fill.to()).dividedBy(2));
    Map<String, String> range = new LinkedHashMap<>();
    range.put("eventsForm:agent", "");
    range.put("eventsForm:source", "");
    range.put("eventsForm:type", "");
    range.put("eventsForm:task", "");
    range.put("eventsForm:from", middle.toString());
    range.put("eventsForm:to", middle.plus(Duration.ofHours(1)).toString());
    range.put("eventsForm:apply", "eventsForm:apply");
    PREPARE.put("events, one hour mid-period (ajax)", eventsView);
    out.put("events, one hour mid-period (ajax)", () -> ajax(s, "events.xhtml", eventsState, "eventsForm", "eventsForm:apply",
        "eventsForm", "eventsForm", range, "eventsForm:table:0:show"));
    Map<String, String> rangeByAgent = new LinkedHashMap<>(range);
    rangeByAgent.put("eventsForm:agent", fill.agent());
    rangeByAgent.put("eventsForm:from", fill.from().plus(Duration.ofDays(2)).toString());
    rangeByAgent.put("eventsForm:to", fill.from().plus(Duration.ofDays(3)).toString());
    PREPARE.put("events, agent and one day (ajax)", eventsView);
    out.put("events, agent and one day (ajax)", () -> ajax(s, "events.xhtml", eventsState, "eventsForm", "eventsForm:apply",
        "eventsForm", "eventsForm", rangeByAgent, "eventsForm:table:0:show"));
    Map<String, String> show = new LinkedHashMap<>();
    show.put("eventsForm:table:0:show", "eventsForm:table:0:show");
    PREPARE.put("event shown (ajax)", eventsView);
    out.put("event shown (ajax)", () -> ajax(s, "events.xhtml", eventsState, "eventsForm", "eventsForm:table:0:show", "eventsForm",
        "eventsForm:detail", show, "eventJson"));
    out.put("catalog", () -> page(s, "catalog.xhtml", "treeForm"));
    out.put("catalog entry ASI02", () -> page(s, "catalog.xhtml?entry=OWASP-ASI-2026%402026%3AASI02", "entryHeading"));
    out.put("evidence packs", () -> page(s, "evidence-packs.xhtml", "packsForm"));
    out.put("admin", () -> page(s, "admin.xhtml", "adminForm"));
    return out;
  }

  static PageSession.Answer page(PageSession s, String path, String expect) {
    return checked(s.get(path), path, expect);
  }

  /** An ajax request on the view whose state and script nonce {@code view} holds; keeps the nonce the answer gives. */
  static PageSession.Answer ajax(PageSession s, String path, String[] view, String form, String source, String execute, String render,
      Map<String, String> params, String expect) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (view[1] != null) {
      fields.put("primefaces.nonce", view[1]);
    }
    fields.put("jakarta.faces.source", source);
    fields.put("jakarta.faces.partial.execute", execute);
    fields.put("jakarta.faces.partial.render", render);
    fields.put(form, form);
    fields.putAll(params);
    PageSession.Answer a = checked(s.post(path, view[0], fields, true), path + " (ajax " + source + ")", expect);
    if (a.nonce() != null) {
      view[1] = a.nonce();
    }
    if (!a.body().contains("<partial-response") || a.body().contains("<error><error-name>")) {
      throw new IllegalStateException(path + ": not a good partial response: " + a.body().substring(Math.max(0, a.body().length() - 1500)));
    }
    return a;
  }

  static PageSession.Answer checked(PageSession.Answer a, String what, String expect) {
    if (a.status() != 200 || !a.body().contains(expect)) {
      throw new IllegalStateException(what + " answered " + a.status() + " without " + expect + ": "
          + a.body().substring(0, Math.min(800, a.body().length())));
    }
    if (Double.isNaN(a.serverMs())) {
      throw new IllegalStateException(what + " answered without a Server-Timing header");
    }
    return a;
  }

  static long count(DataSource ds, String table) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static void waitReady(URI app, Process server) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    for (int i = 0; i < 900; i++) {
      if (!server.isAlive()) {
        throw new IllegalStateException("AgentTrail exited during start-up; see bench-data/pages-*/*-server.log");
      }
      try {
        var r = http.send(java.net.http.HttpRequest.newBuilder(app.resolve("health/ready")).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("AgentTrail was not ready within 180 s");
  }
}
