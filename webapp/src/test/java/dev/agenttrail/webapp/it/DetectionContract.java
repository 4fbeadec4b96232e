package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Detection end to end: events in, incidents out within seconds, with their mappings, evidence,
 * block causes and lifecycle; replays that change nothing; action traces; and a clean day that
 * opens no incident at all.
 */
interface DetectionContract extends Deployed {

  // -- helpers

  private static String agent() {
    return "spiffe://acme.example/agents/it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String at(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Ingests events (a JSON array) and waits until detection has processed them. */
  private JsonObject ingest(Api.Source source, String... events) {
    Api.Reply r = api().events(source.key(), "[" + String.join(",", events) + "]");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonArray items = r.json().getJsonArray("items");
    long last = items.getJsonObject(items.size() - 1).getJsonNumber("seq").longValue();
    awaitDetection(last);
    return r.json();
  }

  private void awaitDetection(long seq) {
    await("detection to process seq " + seq, () -> api().get("api/v1/detection", Api.ADMIN_TOKEN).json()
        .getJsonNumber("processedSeq").longValue() >= seq);
  }

  private void await(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 60 s for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private List<JsonObject> incidents(String query) {
    Api.Reply r = api().get("api/v1/incidents?" + query, Api.ADMIN_TOKEN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static String event(String id, String type, String agent, String task, String rest) {
    return "{\"id\":\"" + id + "\",\"occurredAt\":\"" + at(Instant.now()) + "\",\"type\":\"" + type + "\",\"agent\":{\"id\":\""
        + agent + "\"" + (task == null ? "" : ",\"task\":\"" + task + "\"") + "}" + (rest.isEmpty() ? "" : "," + rest) + "}";
  }

  private String userToken(String role) {
    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api().post("api/v1/users", Api.ADMIN_TOKEN, "application/json",
        "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\",\"roles\":[\"" + role + "\"]}").status()).isEqualTo(201);
    return api().post("api/v1/users/" + name + "/tokens", Api.ADMIN_TOKEN, null, "").json().getString("token");
  }

  private static List<String> mappings(JsonObject incident) {
    return incident.getJsonArray("mappings").getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("framework") + " " + m.getString("entry") + " " + m.getString("provenance")).toList();
  }

  // -- tests

  @Test
  default void shouldOpenAnIncidentMappedToAllThreeFrameworksWhenAToolIsUsedOutsideTheDeclaredWorkflow() {
    Api.Source source = api().newSource();
    String agent = agent();
    ingest(source,
        event(Api.uniqueId(), "task.started", agent, "T-1", "\"declared\":{\"tools\":[\"crm.lookup\"]}"),
        event(Api.uniqueId(), "tool.invocation", agent, "T-1", "\"action\":{\"tool\":\"crm.lookup\"}"));
    assertThat(incidents("agent=" + q(agent))).as("a declared tool is no incident").isEmpty();

    String undeclared = Api.uniqueId();
    ingest(source, event(undeclared, "tool.invocation", agent, "T-1", "\"action\":{\"tool\":\"shell.exec\"}"));

    List<JsonObject> open = incidents("agent=" + q(agent));
    assertThat(open).singleElement().satisfies(i -> {
      assertThat(i.getString("signal")).isEqualTo("UNDECLARED_TOOL");
      assertThat(i.getString("status")).isEqualTo("open");
      assertThat(i.getString("severity")).isEqualTo("medium");
      assertThat(i.getJsonObject("agent").getString("id")).isEqualTo(agent);
      assertThat(i.getJsonObject("agent").getString("task")).isEqualTo("T-1");
      assertThat(i.getString("explanation")).contains("'shell.exec'").contains("task T-1").contains("crm.lookup");
      assertThat(i.getJsonArray("evidence").getValuesAs(JsonObject.class)).extracting(e -> e.getString("id")).containsExactly(undeclared);
      assertThat(mappings(i)).contains("OWASP-ASI-2026 ASI02 product", "OWASP-ASI-2026 ASI01 product",
          "CSA-MAESTRO-2025 MAESTRO-L7-T4 product", "CSA-MAESTRO-2025 L3 product",
          "NIST-AI-RMF-1.0 MEASURE 2.4 product", "NIST-AI-RMF-1.0 MAP 3.3 product");
    });
    long id = open.get(0).getJsonNumber("id").longValue();

    ingest(source, event(Api.uniqueId(), "tool.invocation", agent, "T-1", "\"action\":{\"tool\":\"db.dump\"}"));
    JsonObject again = api().get("api/v1/incidents/" + id, Api.ADMIN_TOKEN).json();
    assertThat(again.getInt("evidenceCount")).as("more evidence, not more incidents").isEqualTo(2);
    assertThat(incidents("agent=" + q(agent))).hasSize(1);

    assertThat(incidents("agent=" + q(agent) + "&framework=OWASP-ASI-2026&entry=ASI02")).hasSize(1);
    assertThat(incidents("agent=" + q(agent) + "&signal=DENY_THEN_OVERRIDE")).isEmpty();
    assertThat(incidents("agent=" + q(agent) + "&status=open&severity=MEDIUM")).hasSize(1);
    Api.Reply bad = api().get("api/v1/incidents?status=closed&severity=urgent", Api.ADMIN_TOKEN);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("pointer"))
        .containsExactlyInAnyOrder("/status", "/severity");
    assertThat(api().get("api/v1/incidents/999999999", Api.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  @Test
  default void shouldGroupDenialsThenOverrideIntoOneIncidentAndNeverOpenASecondOneOnReplay() {
    Api.Source source = api().newSource();
    String agent = agent();
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(event(Api.uniqueId(), "policy.decision", agent, "T-2",
          "\"action\":{\"tool\":\"payments.refund\"},\"decision\":{\"outcome\":\"deny\",\"policy\":\"refunds\"}"));
    }
    events.add(event(Api.uniqueId(), "policy.override", agent, "T-2",
        "\"action\":{\"tool\":\"payments.refund\"},\"decision\":{\"outcome\":\"override\",\"authorizedBy\":\"user:amy\"}"));
    ingest(source, events.toArray(String[]::new));

    List<JsonObject> before = incidents("agent=" + q(agent) + "&signal=DENY_THEN_OVERRIDE");
    assertThat(before).singleElement().satisfies(i -> {
      assertThat(i.getInt("evidenceCount")).isEqualTo(4);
      assertThat(i.getString("blockCause")).isEqualTo("policy");
      assertThat(i.getString("severity")).isEqualTo("high");
      assertThat(mappings(i)).contains("OWASP-ASI-2026 ASI03 product", "CSA-MAESTRO-2025 MAESTRO-CL-T3 product",
          "NIST-AI-RMF-1.0 GOVERN 1.4 product");
    });
    List<JsonObject> all = incidents("agent=" + q(agent));

    for (int replay = 0; replay < 2; replay++) {
      Api.Reply r = api().post("api/v1/detection/replay", Api.ADMIN_TOKEN, null, "");
      assertThat(r.status()).as(r.body()).isEqualTo(202);
      awaitDetection(r.json().getJsonNumber("ledgerSeq").longValue());
      List<JsonObject> after = incidents("agent=" + q(agent));
      assertThat(after).extracting(i -> i.getJsonNumber("id").longValue())
          .containsExactlyElementsOf(all.stream().map(i -> i.getJsonNumber("id").longValue()).toList());
      assertThat(after).extracting(i -> i.getInt("evidenceCount"))
          .containsExactlyElementsOf(all.stream().map(i -> i.getInt("evidenceCount")).toList());
    }
    assertThat(api().post("api/v1/detection/replay", userToken("ANALYST"), null, "").status()).isEqualTo(403);
  }

  @Test
  default void shouldMoveAnIncidentThroughItsLifecycleWithEveryStepOnRecord() {
    Api.Source source = api().newSource();
    String agent = agent();
    ingest(source,
        event(Api.uniqueId(), "task.started", agent, "T-3", "\"declared\":{\"tools\":[\"crm.lookup\"]}"),
        event(Api.uniqueId(), "tool.invocation", agent, "T-3", "\"action\":{\"tool\":\"shell.exec\"}"));
    long id = incidents("agent=" + q(agent)).get(0).getJsonNumber("id").longValue();
    String path = "api/v1/incidents/" + id + "/";
    String analyst = userToken("ANALYST");

    assertThat(api().post(path + "acknowledge", userToken("AUDITOR"), null, "").status()).isEqualTo(403);
    Api.Reply ack = api().post(path + "acknowledge", analyst, "application/json", "{\"reason\":\"looking at it\"}");
    assertThat(ack.status()).as(ack.body()).isEqualTo(200);
    assertThat(ack.json().getString("status")).isEqualTo("acknowledged");
    Api.Reply twice = api().post(path + "acknowledge", analyst, null, "");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().getString("detail")).contains("acknowledged cannot be acknowledged");

    Api.Reply noReason = api().post(path + "false-positive", analyst, "application/json", "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/reason");
    assertThat(api().post(path + "escalate-to-mars", analyst, null, "").status()).isEqualTo(404);

    Api.Reply accepted = api().post(path + "accept-risk", analyst, "application/json",
        "{\"reason\":\"sandbox agent until Friday\",\"expiresAt\":\"" + at(Instant.now().plusSeconds(2)) + "\"}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().getString("status")).isEqualTo("risk_accepted");
    await("the risk acceptance to expire", () -> api().get("api/v1/incidents/" + id, Api.ADMIN_TOKEN).json()
        .getString("status").equals("open"));

    assertThat(api().post(path + "resolve", analyst, "application/json", "{\"reason\":\"tool removed\"}").status()).isEqualTo(200);
    ingest(source, event(Api.uniqueId(), "tool.invocation", agent, "T-3", "\"action\":{\"tool\":\"shell.exec\"}"));

    JsonObject reopened = api().get("api/v1/incidents/" + id, Api.ADMIN_TOKEN).json();
    assertThat(reopened.getString("status")).isEqualTo("open");
    List<JsonObject> history = reopened.getJsonArray("history").getValuesAs(JsonObject.class);
    assertThat(history).extracting(h -> h.getString("to")).containsExactly("open", "acknowledged", "risk_accepted", "open",
        "resolved", "open");
    assertThat(history).extracting(h -> h.getString("actor")).containsExactly("detection", history.get(1).getString("actor"),
        history.get(1).getString("actor"), "system", history.get(1).getString("actor"), "detection");
    assertThat(history.get(1).getString("actor")).startsWith("u");
    assertThat(history.get(2).getString("reason")).isEqualTo("sandbox agent until Friday");
    assertThat(history.get(2).getString("expiresAt")).isNotBlank();
    assertThat(history.get(3).getString("reason")).contains("expired");
    assertThat(history.get(5).getString("reason")).contains("new evidence after it was resolved");
  }

  @Test
  default void shouldExplainAnActionAndClassifyEveryBlock() {
    Api.Source source = api().newSource();
    String agent = agent();
    String action = Api.uniqueId();
    String policyDeny = Api.uniqueId();
    String modelDeny = Api.uniqueId();
    ingest(source,
        event(Api.uniqueId(), "task.started", agent, "T-4", "\"declared\":{\"tools\":[\"crm.lookup\",\"crm.update\"]}"),
        event(Api.uniqueId(), "credential.issued", agent, "T-4", "\"credential\":{\"id\":\"cred-T4\",\"expiresAt\":\""
            + at(Instant.now().plusSeconds(600)) + "\"}"),
        event(policyDeny, "policy.decision", agent, "T-4",
            "\"action\":{\"tool\":\"crm.update\"},\"decision\":{\"outcome\":\"deny\",\"policy\":\"crm-writes\",\"reason\":\"outside hours\"}"),
        event(modelDeny, "policy.decision", agent, "T-4",
            "\"action\":{\"tool\":\"shell.exec\"},\"decision\":{\"outcome\":\"deny\",\"policy\":\"tools\"}"),
        event(Api.uniqueId(), "policy.decision", agent, "T-4",
            "\"action\":{\"tool\":\"crm.lookup\"},\"decision\":{\"outcome\":\"error\",\"reason\":\"bundle not loaded\"}"),
        event(action, "tool.invocation", agent, "T-4", "\"action\":{\"tool\":\"crm.lookup\"},\"credential\":{\"id\":\"cred-T4\"},"
            + "\"decision\":{\"outcome\":\"allow\",\"policy\":\"crm-reads\",\"authorizedBy\":\"role:support\"},\"intent\":\"answer ticket 42\""));

    Api.Reply trace = api().get("api/v1/actions/" + source.name() + "/" + action + "/trace", userToken("AUDITOR"));
    assertThat(trace.status()).as(trace.body()).isEqualTo(200);
    JsonObject t = trace.json();
    assertThat(t.getJsonObject("event").getJsonObject("payload").getString("id")).isEqualTo(action);
    assertThat(t.getJsonObject("task").getString("id")).isEqualTo("T-4");
    assertThat(t.getJsonObject("task").getJsonObject("declaration").getJsonArray("tools").toString()).contains("crm.lookup");
    assertThat(t.getJsonObject("task").getJsonObject("started").getString("type")).isEqualTo("task.started");
    assertThat(t.getJsonArray("decisions").getValuesAs(JsonObject.class)).extracting(d -> d.getString("id"))
        .contains(policyDeny, modelDeny);
    assertThat(t.getJsonArray("authorizedBy").getString(0)).isEqualTo("role:support");
    assertThat(t.getString("intent")).isEqualTo("answer ticket 42");
    assertThat(t.getJsonObject("credential").getJsonArray("lifecycle").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("type")).containsExactly("credential.issued", "tool.invocation");
    assertThat(t.containsKey("blockCause")).isFalse();

    assertThat(api().get("api/v1/actions/" + source.name() + "/" + policyDeny + "/trace", Api.ADMIN_TOKEN).json()
        .getString("blockCause")).isEqualTo("policy");
    assertThat(api().get("api/v1/actions/" + source.name() + "/" + modelDeny + "/trace", Api.ADMIN_TOKEN).json()
        .getString("blockCause")).isEqualTo("model_behaviour");
    Api.Reply missing = api().get("api/v1/actions/" + source.name() + "/nope/trace", Api.ADMIN_TOKEN);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");

    JsonObject counts = api().get("api/v1/blocks", Api.ADMIN_TOKEN).json().getJsonArray("items").getValuesAs(JsonObject.class)
        .stream().filter(i -> i.getString("source").equals(source.name())).findFirst().orElseThrow();
    assertThat(counts.getInt("total")).isEqualTo(3);
    assertThat(counts.getJsonObject("byCause").getInt("policy")).isEqualTo(1);
    assertThat(counts.getJsonObject("byCause").getInt("model_behaviour")).isEqualTo(1);
    assertThat(counts.getJsonObject("byCause").getInt("integration")).isEqualTo(1);
  }

  @Test
  default void shouldCheckToolsAgainstAWorkflowDeclaredOverRest() {
    Api.Source source = api().newSource();
    String agent = agent();
    String analyst = userToken("ANALYST");

    Api.Reply invalid = api().put("api/v1/workflow-declarations", analyst,
        "{\"agent\":\"" + agent + "\",\"tools\":[\"a\", 7],\"maxClassification\":\"secret\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("pointer"))
        .containsExactlyInAnyOrder("/workflow", "/tools/1", "/maxClassification");
    assertThat(api().put("api/v1/workflow-declarations", userToken("AUDITOR"), "{}").status()).isEqualTo(403);

    String declaration = "{\"agent\":\"" + agent + "\",\"workflow\":\"refunds\",\"tools\":[\"payments.*\"],"
        + "\"maxClassification\":\"confidential\",\"stateChangingAllowed\":true}";
    assertThat(api().put("api/v1/workflow-declarations", analyst, declaration).status()).isEqualTo(201);
    assertThat(api().put("api/v1/workflow-declarations", analyst, declaration).status()).isEqualTo(200);
    JsonArray listed = api().get("api/v1/workflow-declarations?agent=" + q(agent), Api.ADMIN_TOKEN).json().getJsonArray("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.getJsonObject(0).getString("updatedBy")).startsWith("u");

    String workflow = "\"agent\":{\"id\":\"" + agent + "\",\"workflow\":\"refunds\"}";
    ingest(source,
        "{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"" + at(Instant.now()) + "\",\"type\":\"tool.invocation\"," + workflow
            + ",\"action\":{\"tool\":\"payments.refund\"}}",
        "{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"" + at(Instant.now()) + "\",\"type\":\"tool.invocation\"," + workflow
            + ",\"action\":{\"tool\":\"mail.send\"}}");

    assertThat(incidents("agent=" + q(agent))).singleElement().satisfies(i -> {
      assertThat(i.getString("signal")).isEqualTo("UNDECLARED_TOOL");
      assertThat(i.getString("explanation")).contains("'mail.send'").contains("its workflow").contains("payments.*");
    });
    assertThat(api().delete("api/v1/workflow-declarations?agent=" + q(agent) + "&workflow=refunds", analyst).status()).isEqualTo(204);
    assertThat(api().delete("api/v1/workflow-declarations?agent=" + q(agent) + "&workflow=refunds", analyst).status()).isEqualTo(404);
  }

  @Test
  default void shouldFireCredentialOverstayWhenACredentialIsNotRevokedAfterItsTask() {
    Api.Reply wrong = api().put("api/v1/signals/thresholds", Api.ADMIN_TOKEN, "{\"CREDENTIAL_OVERSTAY.grace\":\"5 minutes\"}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/CREDENTIAL_OVERSTAY.grace");
    assertThat(api().put("api/v1/signals/thresholds", userToken("ANALYST"), "{\"CREDENTIAL_OVERSTAY.grace\":\"PT2S\"}").status())
        .isEqualTo(403);

    assertThat(api().put("api/v1/signals/thresholds", Api.ADMIN_TOKEN, "{\"CREDENTIAL_OVERSTAY.grace\":\"PT2S\"}").status()).isEqualTo(200);
    try {
      JsonObject overstay = api().get("api/v1/signals", Api.ADMIN_TOKEN).json().getJsonArray("items").getValuesAs(JsonObject.class)
          .stream().filter(s -> s.getString("id").equals("CREDENTIAL_OVERSTAY")).findFirst().orElseThrow();
      assertThat(overstay.getJsonObject("thresholds").getJsonObject("grace").getString("value")).isEqualTo("PT2S");
      assertThat(overstay.getJsonObject("thresholds").getJsonObject("grace").getString("default")).isEqualTo("PT5M");

      Api.Source source = api().newSource();
      String agent = agent();
      ingest(source,
          event(Api.uniqueId(), "credential.issued", agent, "T-5", "\"credential\":{\"id\":\"kept-" + agent.hashCode() + "\"}"),
          event(Api.uniqueId(), "credential.issued", agent, "T-5", "\"credential\":{\"id\":\"revoked-" + agent.hashCode() + "\"}"),
          event(Api.uniqueId(), "task.completed", agent, "T-5", ""),
          event(Api.uniqueId(), "credential.revoked", agent, "T-5", "\"credential\":{\"id\":\"revoked-" + agent.hashCode() + "\"}"));

      await("the grace period to pass", () -> !incidents("agent=" + q(agent) + "&signal=CREDENTIAL_OVERSTAY").isEmpty());
      assertThat(incidents("agent=" + q(agent))).singleElement().satisfies(i ->
          assertThat(i.getString("explanation")).contains("'kept-" + agent.hashCode() + "' was not revoked within 2 seconds"));
    } finally {
      api().put("api/v1/signals/thresholds", Api.ADMIN_TOKEN, "{\"CREDENTIAL_OVERSTAY.grace\":\"PT5M\"}");
    }
  }

  @Test
  default void shouldReportAnEnforcementPointThatWentSilent() {
    String name = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created = api().post("api/v1/sources", Api.ADMIN_TOKEN, "application/json",
        "{\"name\":\"" + name + "\",\"mode\":\"enforce\",\"heartbeat\":\"PT2S\"}");
    Api.Source source = new Api.Source(name, created.json().getString("keyId"), created.json().getString("ingestKey"));
    ingest(source, event(Api.uniqueId(), "policy.decision", agent(), "T-6", "\"decision\":{\"outcome\":\"allow\"}"));

    await("the silence to be reported", () -> !incidents("source=" + name + "&signal=ENFORCEMENT_GAP").isEmpty());
    JsonObject incident = incidents("source=" + name + "&signal=ENFORCEMENT_GAP").get(0);
    assertThat(incident.getJsonObject("agent").containsKey("id")).as("about the source, not an agent").isFalse();
    assertThat(incident.getString("explanation")).contains("Enforcement point " + name + " has sent nothing since");
    assertThat(mappings(incident)).contains("OWASP-ASI-2026 ASI08 product", "CSA-MAESTRO-2025 MAESTRO-L5-T4 product",
        "NIST-AI-RMF-1.0 MANAGE 2.3 product");
  }

  /**
   * A day of clean traffic: five agents, forty tasks each, every control working (declared tools,
   * task credentials revoked in time, decisions in enforce mode with their authoriser, intents,
   * approvals for state changes, denials that stay denied). Not a single incident.
   */
  @Test
  default void shouldOpenNoIncidentForARealisticDayOfCleanTraffic() {
    Api.Source source = api().newSource();
    Instant start = Instant.now().minus(Duration.ofHours(24));
    List<String> agents = new ArrayList<>();
    List<String> events = new ArrayList<>();
    long lastSeq = 0;
    int n = 0;
    for (int a = 0; a < 5; a++) {
      agents.add(agent());
    }
    for (int task = 0; task < 40; task++) {
      for (String agent : agents) {
        Instant t = start.plus(Duration.ofMinutes(30L * task));
        String id = "T-" + task;
        String cred = "cred-" + agent.hashCode() + "-" + task;
        String approval = "ap-" + agent.hashCode() + "-" + task;
        String who = "{\"id\":\"" + agent + "\",\"task\":\"" + id + "\",\"session\":\"s-" + task + "\"}";
        List<String> day = List.of(
            "\"type\":\"task.started\",\"agent\":" + who + ",\"declared\":{\"tools\":[\"crm.lookup\",\"kb.search\",\"payments.refund\"],"
                + "\"dataScopes\":[\"crm.*\"],\"maxClassification\":\"confidential\"}",
            "\"type\":\"credential.issued\",\"agent\":" + who + ",\"credential\":{\"id\":\"" + cred + "\",\"issuedAt\":\"" + at(t)
                + "\",\"expiresAt\":\"" + at(t.plus(Duration.ofMinutes(20))) + "\"}",
            "\"type\":\"policy.decision\",\"agent\":" + who + ",\"action\":{\"tool\":\"crm.lookup\"},"
                + "\"decision\":{\"outcome\":\"allow\",\"mode\":\"enforce\",\"policy\":\"crm\",\"authorizedBy\":\"policy:crm\"}",
            "\"type\":\"tool.invocation\",\"agent\":" + who + ",\"action\":{\"tool\":\"crm.lookup\"},\"credential\":{\"id\":\"" + cred
                + "\"},\"intent\":\"look up the customer of ticket " + task + "\"",
            "\"type\":\"data.access\",\"agent\":" + who + ",\"data\":{\"classification\":\"confidential\",\"scope\":\"crm.orders\"},"
                + "\"decision\":{\"outcome\":\"allow\",\"mode\":\"enforce\",\"authorizedBy\":\"policy:crm\"},\"intent\":\"read the order\"",
            "\"type\":\"policy.decision\",\"agent\":" + who + ",\"action\":{\"tool\":\"kb.search\"},"
                + "\"decision\":{\"outcome\":\"deny\",\"mode\":\"enforce\",\"policy\":\"kb\",\"reason\":\"rate limit\"}",
            "\"type\":\"approval.requested\",\"agent\":" + who + ",\"action\":{\"tool\":\"payments.refund\",\"stateChanging\":true},"
                + "\"approval\":{\"id\":\"" + approval + "\",\"status\":\"pending\"}",
            "\"type\":\"approval.decided\",\"agent\":" + who + ",\"approval\":{\"id\":\"" + approval
                + "\",\"status\":\"approved\",\"approver\":\"amy\"}",
            "\"type\":\"action.state_change\",\"agent\":" + who + ",\"action\":{\"tool\":\"payments.refund\",\"operation\":\"create\","
                + "\"approvalId\":\"" + approval + "\"},\"decision\":{\"outcome\":\"allow\",\"mode\":\"enforce\",\"authorizedBy\":\"user:amy\"},"
                + "\"intent\":\"refund order " + task + "\",\"credential\":{\"id\":\"" + cred + "\"}",
            "\"type\":\"task.completed\",\"agent\":" + who,
            "\"type\":\"credential.revoked\",\"agent\":" + who + ",\"credential\":{\"id\":\"" + cred + "\"}");
        for (int i = 0; i < day.size(); i++) {
          events.add("{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"" + at(t.plus(Duration.ofSeconds(30L * i))) + "\"," + day.get(i) + "}");
          n++;
        }
      }
      if (events.size() >= 500 || task == 39) {
        Api.Reply r = api().events(source.key(), "[" + String.join(",", events) + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonArray items = r.json().getJsonArray("items");
        lastSeq = items.getJsonObject(items.size() - 1).getJsonNumber("seq").longValue();
        events.clear();
      }
    }
    assertThat(n).isEqualTo(2200);
    awaitDetection(lastSeq);

    for (String agent : agents) {
      assertThat(incidents("agent=" + q(agent))).as("incidents of " + agent).isEmpty();
    }
    assertThat(incidents("source=" + source.name())).isEmpty();
    JsonObject counts = api().get("api/v1/blocks", Api.ADMIN_TOKEN).json().getJsonArray("items").getValuesAs(JsonObject.class)
        .stream().filter(i -> i.getString("source").equals(source.name())).findFirst().orElseThrow();
    assertThat(counts.getJsonObject("byCause").getInt("policy")).as("the denials: controls working").isEqualTo(200);
  }
}
