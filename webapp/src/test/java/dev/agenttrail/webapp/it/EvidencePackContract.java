package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.reports.verify.PackVerifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Evidence packs over HTTP: generate for a period and an agent, follow progress, download (audited),
 * and verify the ZIP offline with the public key the server publishes.
 */
interface EvidencePackContract extends Deployed {

  @Test
  default void shouldGenerateAPackForAnAgentThatVerifiesOfflineAndShowsItsIncident() throws Exception {
    String agent = "spiffe://acme/agents/pack-" + UUID.randomUUID().toString().substring(0, 8) + "-Ωμέγα";
    Api.Source source = api().newSource();
    JsonObject receipt = api().events(source.key(), "[" + event(agent, "08:00:01") + "," + event("spiffe://acme/agents/other", "08:00:02")
        + "," + event(agent, "08:00:03") + "," + event(agent, "08:00:04") + "]").json();
    long firstSeq = receipt.getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();
    long incident = insertIncident(agent, source.name(), firstSeq);
    String analyst = api().tokenFor("ANALYST");
    String auditor = api().tokenFor("AUDITOR");

    Api.Reply queued = api().post("api/v1/evidence-packs", analyst, "application/json",
        "{\"from\":\"2026-10-05T00:00:00Z\",\"to\":\"2026-10-06T00:00:00Z\",\"frameworks\":[\"OWASP-ASI-2026\",\"NIST-AI-RMF-1.0\"],"
            + "\"agents\":[\"" + agent + "\"]}");
    assertThat(queued.status()).isEqualTo(202);
    String id = queued.json().getString("id");
    assertThat(queued.json().getString("status")).isIn("queued", "running", "done");
    JsonObject done = waitUntilFinished(id, auditor);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("done");
    assertThat(done.getInt("progress")).isEqualTo(100);
    assertThat(done.getJsonNumber("events").longValue()).isEqualTo(3);
    assertThat(done.getString("sha256")).hasSize(64);

    HttpResponse<byte[]> zip = api().bytes("api/v1/evidence-packs/" + id + "/download", auditor);
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
    Path file = Files.createTempFile("pack", ".zip");
    Files.write(file, zip.body());
    Path key = Files.createTempFile("key", ".pem");
    Files.writeString(key, api().get("api/v1/evidence-packs/public-key", auditor).body());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = PackVerifier.run(List.of(file.toString(), "--key", key.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();

    Path jar = Path.of(System.getProperty("agenttrail.war")).resolveSibling("agenttrail.jar");
    if (Files.exists(jar)) {
      // the auditor's command, as documented: java -jar agenttrail.jar verify pack.zip --key key.pem
      Process verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          jar.toString(), "verify", file.toString(), "--key", key.toString()).redirectErrorStream(true).start();
      String printed = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(verify.waitFor()).as(printed).isZero();
      assertThat(printed).contains("VERIFIED");
      byte[] changed = zip.body().clone();
      Path tampered = Files.createTempFile("tampered", ".zip");
      Map<String, byte[]> entries = unzip(changed);
      entries.get("incidents.json")[10] ^= 1;
      Files.write(tampered, rezip(entries));
      Process fails = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          jar.toString(), "verify", tampered.toString(), "--key", key.toString()).redirectErrorStream(true).start();
      String failure = new String(fails.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(fails.waitFor()).isEqualTo(1);
      assertThat(failure).contains("FAIL: incidents.json: SHA-256 is");
    }

    Map<String, byte[]> files = unzip(zip.body());
    assertThat(new String(files.get("events.ndjson"), StandardCharsets.UTF_8).lines()).hasSize(3)
        .allMatch(l -> l.contains("pack-") && !l.contains("agents/other"));
    assertThat(new String(files.get("incidents.json"), StandardCharsets.UTF_8)).contains("\"id\": " + incident, "SHARED_CREDENTIAL");
    assertThat(new String(files.get("coverage.json"), StandardCharsets.UTF_8)).contains("\"entry\": \"ASI07\"");
    try (PDDocument pdf = Loader.loadPDF(files.get("evidence-pack.pdf"))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Executive summary", "Coverage matrix", "Incident " + incident + ": SHARED_CREDENTIAL",
          "pack fixture: credential shared", agent, "No escalation cases in the period and scope.", "Ledger verification");
    }
    JsonObject downloads = api().get("api/v1/evidence-packs/" + id + "/downloads", auditor).json();
    assertThat(downloads.getJsonArray("items")).hasSize(1);
    assertThat(api().get("api/v1/evidence-packs", auditor).body()).contains(id);
  }

  @Test
  default void shouldServeThePublicKeyAsPemAndJwk() {
    Api.Reply pem = api().get("api/v1/evidence-packs/public-key", Api.ADMIN_TOKEN);
    Api.Reply jwk = api().get("api/v1/evidence-packs/public-key?format=jwk", Api.ADMIN_TOKEN);

    assertThat(pem.status()).isEqualTo(200);
    assertThat(pem.body()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(jwk.json().getString("kty")).isEqualTo("OKP");
    assertThat(jwk.json().getString("crv")).isEqualTo("Ed25519");
  }

  @Test
  default void shouldRefuseBadRequestsAndRolesThatMayNotGenerate() {
    String auditor = api().tokenFor("AUDITOR");
    String body = "{\"from\":\"2026-10-05T00:00:00Z\",\"to\":\"2026-10-06T00:00:00Z\"}";

    assertThat(api().post("api/v1/evidence-packs", auditor, "application/json", body).status()).isEqualTo(403);
    assertThat(api().post("api/v1/evidence-packs", null, "application/json", body).status()).isEqualTo(401);
    Api.Reply noFrom = api().post("api/v1/evidence-packs", Api.ADMIN_TOKEN, "application/json", "{\"to\":\"2026-10-06T00:00:00Z\"}");
    assertThat(noFrom.status()).isEqualTo(400);
    assertThat(noFrom.contentType()).startsWith("application/problem+json");
    assertThat(noFrom.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/from");
    Api.Reply unknown = api().post("api/v1/evidence-packs", Api.ADMIN_TOKEN, "application/json",
        "{\"from\":\"2026-10-05T00:00:00Z\",\"to\":\"2026-10-06T00:00:00Z\",\"frameworks\":[\"NO-SUCH-FRAMEWORK\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("/frameworks");
    assertThat(api().get("api/v1/evidence-packs/" + UUID.randomUUID(), Api.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  @Test
  default void shouldCreateEditPauseAndDeleteASchedule() {
    String analyst = api().tokenFor("ANALYST");
    String auditor = api().tokenFor("AUDITOR");
    String weekly = "{\"name\":\"weekly review\",\"cron\":\"0 6 * * MON\",\"lookback\":\"P7D\",\"frameworks\":[\"OWASP-ASI-2026\"],"
        + "\"retentionDays\":30}";

    HttpResponse<String> created = api().exchange("POST", "api/v1/evidence-pack-schedules", analyst, "application/json", weekly);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject schedule = Json.createReader(new java.io.StringReader(created.body())).readObject();
    String id = schedule.getString("id");
    assertThat(created.headers().firstValue("Location").orElse("")).endsWith("evidence-pack-schedules/" + id);
    assertThat(schedule.getString("nextRun")).endsWith("T06:00:00Z");
    assertThat(schedule.getString("createdBy")).isNotBlank();

    JsonObject read = api().get("api/v1/evidence-pack-schedules/" + id, auditor).json();
    assertThat(read.getJsonArray("history")).isEmpty();
    assertThat(read.getInt("retentionDays")).isEqualTo(30);
    assertThat(api().get("api/v1/evidence-pack-schedules", auditor).body()).contains(id);

    Api.Reply paused = api().put("api/v1/evidence-pack-schedules/" + id, analyst, weekly.replace("}", ",\"paused\":true}"));
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.json().getBoolean("paused")).isTrue();
    assertThat(paused.json().containsKey("nextRun")).isFalse();

    Api.Reply badCron = api().post("api/v1/evidence-pack-schedules", analyst, "application/json", weekly.replace("0 6 * * MON", "0 6 * *"));
    assertThat(badCron.status()).isEqualTo(400);
    assertThat(badCron.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/cron");
    assertThat(api().post("api/v1/evidence-pack-schedules", auditor, "application/json", weekly).status()).isEqualTo(403);

    assertThat(api().delete("api/v1/evidence-pack-schedules/" + id, analyst).status()).isEqualTo(204);
    assertThat(api().get("api/v1/evidence-pack-schedules/" + id, auditor).status()).isEqualTo(404);
  }

  /**
   * The scheduler (ticking every 2 s in the tests) runs a due schedule once, its history shows the
   * pack, and a pack past its retention is deleted. The schedule is made due, and the pack made
   * old, behind AgentTrail's back, so that the test need not wait for a real Monday.
   */
  @Test
  default void shouldRunADueScheduleShowItInTheHistoryAndDeleteThePackAfterItsRetention() throws Exception {
    String analyst = api().tokenFor("ANALYST");
    HttpResponse<String> created = api().exchange("POST", "api/v1/evidence-pack-schedules", analyst, "application/json",
        "{\"name\":\"due now\",\"cron\":\"0 6 * * MON\",\"lookback\":\"P1D\",\"frameworks\":[\"OWASP-ASI-2026\"],"
            + "\"agents\":[\"nobody-" + UUID.randomUUID() + "\"],\"retentionDays\":400}");
    String id = Json.createReader(new java.io.StringReader(created.body())).readObject().getString("id");
    try (Connection db = database()) {
      exec(db, "UPDATE evidence_pack_schedule SET next_run = TIMESTAMP '2026-11-02 06:00:00' WHERE id = ?", id);
    }

    JsonObject schedule = null;
    for (int i = 0; i < 240; i++) {
      schedule = api().get("api/v1/evidence-pack-schedules/" + id, analyst).json();
      if (!schedule.getJsonArray("history").isEmpty()
          && schedule.getJsonArray("history").getJsonObject(0).getString("status").equals("done")) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(schedule.getJsonArray("history")).as(schedule.toString()).hasSize(1);
    JsonObject run = schedule.getJsonArray("history").getJsonObject(0);
    assertThat(run.getString("status")).isEqualTo("done");
    assertThat(run.getString("from")).isEqualTo("2026-11-01T06:00:00Z");
    assertThat(run.getString("to")).isEqualTo("2026-11-02T06:00:00Z");
    assertThat(run.getString("expiresAt")).isEqualTo("2027-12-07T06:00:00Z");
    assertThat(run.getString("requestedBy")).isEqualTo("schedule:due now");
    assertThat(run.getJsonNumber("size").longValue()).isPositive();
    assertThat(run.getJsonNumber("durationMs").longValue()).isNotNegative();
    assertThat(java.time.Instant.parse(schedule.getString("nextRun"))).isAfter(java.time.Instant.now());

    // the pack's retention ends (behind AgentTrail's back): the next tick deletes it
    String pack = run.getString("id");
    try (Connection db = database()) {
      exec(db, "UPDATE evidence_pack SET expires_at = TIMESTAMP '2026-11-03 06:00:00' WHERE id = ?", pack);
    }
    int status = 200;
    for (int i = 0; i < 240 && status == 200; i++) {
      status = api().get("api/v1/evidence-packs/" + pack, analyst).status();
      Thread.sleep(250);
    }
    assertThat(status).isEqualTo(404);
  }

  @Test
  default void shouldReportAnApprovedEscalationCaseWithItsLevelAndDecider() throws Exception {
    String agent = "spiffe://acme/agents/esc-pack-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Source source = api().newSource();
    Api.Reply policy = api().postJson("api/v1/escalation-policies", Api.ADMIN_TOKEN, "{\"name\":\"pack-"
        + UUID.randomUUID().toString().substring(0, 8) + "\",\"match\":{\"sources\":[\"" + source.name() + "\"]},"
        + "\"levels\":[{\"approvers\":[\"role:APPROVER\"],\"deadline\":\"PT10M\"}]}");
    assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    Api.Reply receipt = api().events(source.key(), "[{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\""
        + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\",\"type\":\"approval.requested\","
        + "\"agent\":{\"id\":\"" + agent + "\",\"onBehalfOf\":\"bob\"},\"action\":{\"tool\":\"payments.refund\","
        + "\"operation\":\"refund\",\"stateChanging\":true},\"approval\":{\"id\":\"ap-pack\",\"status\":\"pending\"}}]");
    String caseId = receipt.json().getJsonArray("items").getJsonObject(0).getString("escalation");
    Api.Person approver = api().newUser("pack-approver", "APPROVER");
    assertThat(api().postJson("api/v1/escalations/" + caseId + "/decision", approver.token(),
        "{\"decision\":\"approve\",\"reason\":\"refund matches the ticket\"}").status()).isEqualTo(200);

    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    String analyst = api().tokenFor("ANALYST");
    Api.Reply queued = api().post("api/v1/evidence-packs", analyst, "application/json",
        "{\"from\":\"" + today.minusDays(1) + "T00:00:00Z\",\"to\":\"" + today.plusDays(1) + "T00:00:00Z\",\"agents\":[\""
            + agent + "\"]}");
    assertThat(queued.status()).as(queued.body()).isEqualTo(202);
    JsonObject done = waitUntilFinished(queued.json().getString("id"), analyst);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("done");
    Map<String, byte[]> files = unzip(api().bytes("api/v1/evidence-packs/" + queued.json().getString("id") + "/download", analyst).body());
    String escalations = new String(files.get("escalations.json"), StandardCharsets.UTF_8);
    assertThat(escalations).contains(caseId).contains(approver.name()).contains("approved").contains("role:APPROVER")
        .contains("payments.refund");
  }

  private JsonObject waitUntilFinished(String id, String token) throws InterruptedException {
    JsonObject pack = null;
    for (int i = 0; i < 240; i++) {
      pack = api().get("api/v1/evidence-packs/" + id, token).json();
      if (!pack.getString("status").equals("queued") && !pack.getString("status").equals("running")) {
        return pack;
      }
      Thread.sleep(250);
    }
    return pack;
  }

  private static String event(String agent, String time) {
    return "{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"2026-10-05T" + time + "Z\",\"type\":\"tool.invocation\","
        + "\"agent\":{\"id\":\"" + agent + "\",\"task\":\"T-1\"},\"action\":{\"tool\":\"search\"}}";
  }

  /** An incident as detection would record it (detection itself is not part of this branch). */
  private long insertIncident(String agent, String source, long seq) throws Exception {
    String group = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    try (Connection db = database()) {
      try (PreparedStatement s = db.prepareStatement("INSERT INTO incident (group_key, signal, agent_id, source, task, severity,"
          + " status, explanation, opened_at, updated_at, first_seen, last_seen, evidence_count, catalog_version, version)"
          + " VALUES (?, 'SHARED_CREDENTIAL', ?, ?, 'T-1', 'HIGH', 'open', 'pack fixture: credential shared by two agents',"
          + " TIMESTAMP '2026-10-05 08:00:01', TIMESTAMP '2026-10-05 08:00:01', TIMESTAMP '2026-10-05 08:00:01',"
          + " TIMESTAMP '2026-10-05 08:00:03', 2, 'builtin', 0)")) {
        s.setString(1, group);
        s.setString(2, agent);
        s.setString(3, source);
        s.executeUpdate();
      }
      long id;
      try (PreparedStatement s = db.prepareStatement("SELECT id FROM incident WHERE group_key = ?")) {
        s.setString(1, group);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      exec(db, "INSERT INTO incident_evidence (incident_id, seq) VALUES (?, ?)", id, seq);
      exec(db, "INSERT INTO incident_mapping (incident_id, framework, framework_version, entry, provenance, rationale)"
          + " VALUES (?, 'OWASP-ASI-2026', '2026', 'ASI03', 'product', 'fixture')", id);
      exec(db, "INSERT INTO incident_transition (incident_id, changed_at, actor, from_status, to_status, reason)"
          + " VALUES (?, TIMESTAMP '2026-10-05 08:00:01', 'detection', NULL, 'open', 'signal fired')", id);
      return id;
    }
  }

  private static void exec(Connection db, String sql, Object... args) throws Exception {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  private static byte[] rezip(Map<String, byte[]> files) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}
