package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Escalation paths (issue #6) over HTTP: policies, cases opened by approval requests, decisions
 * with every refusal, deadlines that escalate and expire on the real timer (short deadlines), signed
 * webhooks with retries, and figures.
 */
interface EscalationContract extends Deployed {

  // ---------------------------------------------------------------- helpers

  private String policy(String source, String tools, String level1, String level1Deadline, String level2, String level2Deadline) {
    String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
    String levels = "[{\"approvers\":[\"" + level1 + "\"],\"deadline\":\"" + level1Deadline + "\"}"
        + (level2 == null ? "" : ",{\"approvers\":[\"" + level2 + "\"],\"deadline\":\"" + level2Deadline + "\"}") + "]";
    Api.Reply r = api().postJson("api/v1/escalation-policies", Api.ADMIN_TOKEN,
        "{\"name\":\"" + name + "\",\"match\":{\"sources\":[\"" + source + "\"],\"tools\":[" + tools + "]},\"levels\":" + levels + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return name;
  }

  private static String approvalRequested(String approvalId, String tool, String onBehalfOf) {
    return "{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"2026-11-23T08:15:00Z\",\"type\":\"approval.requested\","
        + "\"agent\":{\"id\":\"spiffe://acme/agents/billing\",\"task\":\"T-1\""
        + (onBehalfOf == null ? "" : ",\"onBehalfOf\":\"" + onBehalfOf + "\"") + "},"
        + "\"action\":{\"tool\":\"" + tool + "\",\"operation\":\"refund\",\"stateChanging\":true},"
        + "\"approval\":{\"id\":\"" + approvalId + "\",\"status\":\"pending\"}}";
  }

  /** Sends an approval request and answers the case id from the receipt. */
  private String openCase(Api.Source source, String approvalId, String onBehalfOf) {
    Api.Reply receipt = api().events(source.key(), "[" + approvalRequested(approvalId, "payments.refund", onBehalfOf) + "]");
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
    JsonObject item = receipt.json().getJsonArray("items").getJsonObject(0);
    assertThat(item.containsKey("escalation")).as(receipt.body()).isTrue();
    return item.getString("escalation");
  }

  private JsonObject escalation(String id) {
    Api.Reply r = api().get("api/v1/escalations/" + id, Api.ADMIN_TOKEN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private Api.Reply decide(String id, String token, String decision, String reason) {
    return api().postJson("api/v1/escalations/" + id + "/decision", token,
        "{\"decision\":\"" + decision + "\",\"reason\":\"" + reason + "\"}");
  }

  /** Polls until the condition holds (the timer runs every half second in the tests); fails after a minute. */
  private static void eventually(String what, Supplier<Boolean> condition) {
    long giveUp = System.nanoTime() + 60_000_000_000L;
    while (!condition.get()) {
      if (System.nanoTime() > giveUp) {
        fail("gave up waiting until " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  private static List<String> kinds(JsonObject escalation) {
    return escalation.getJsonArray("history").getValuesAs(JsonObject.class).stream().map(s -> s.getString("kind")).toList();
  }

  // ---------------------------------------------------------------- policies

  @Test
  default void shouldManageEscalationPoliciesAsAdminOnly() {
    String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
    String name = policy(source, "\"payments.*\"", "role:APPROVER", "PT15M", "user:risk-officer", "PT1H");

    JsonObject read = api().get("api/v1/escalation-policies/" + name, Api.ADMIN_TOKEN).json();
    assertThat(read.getJsonArray("levels").getJsonObject(1).getString("deadline")).isEqualTo("PT1H");
    assertThat(read.getJsonObject("match").getJsonArray("tools").getString(0)).isEqualTo("payments.*");

    Api.Reply duplicate = api().postJson("api/v1/escalation-policies", Api.ADMIN_TOKEN,
        "{\"name\":\"" + name + "\",\"levels\":[{\"approvers\":[\"role:APPROVER\"],\"deadline\":\"PT1M\"}]}");
    assertThat(duplicate.status()).isEqualTo(409);

    Api.Reply invalid = api().postJson("api/v1/escalation-policies", Api.ADMIN_TOKEN,
        "{\"name\":\"bad-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"levels\":[{\"approvers\":[\"boss\"],\"deadline\":\"PT1M\"}]}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.contentType()).startsWith("application/problem+json");
    assertThat(invalid.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/levels/0/approvers/0");

    Api.Person approver = api().newUser("approver", "APPROVER");
    assertThat(api().postJson("api/v1/escalation-policies", approver.token(), "{}").status()).isEqualTo(403);
    assertThat(api().get("api/v1/escalation-policies/" + name, approver.token()).status()).isEqualTo(200);

    Api.Reply replaced = api().put("api/v1/escalation-policies/" + name, Api.ADMIN_TOKEN,
        "{\"match\":{\"sources\":[\"" + source + "\"]},\"levels\":[{\"approvers\":[\"user:cfo\"],\"deadline\":\"PT30M\"}]}");
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().getJsonArray("levels").size()).isEqualTo(1);

    assertThat(api().delete("api/v1/escalation-policies/" + name, Api.ADMIN_TOKEN).status()).isEqualTo(204);
    assertThat(api().getServer("openapi").body()).contains("/api/v1/escalation-policies/{name}")
        .contains("/api/v1/escalations/{id}/decision").contains("/api/v1/webhooks/{id}/deliveries");
    assertThat(api().get("api/v1/escalation-policies/" + name, Api.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  // ---------------------------------------------------------------- opening, polling, deciding

  @Test
  default void shouldOpenACaseThatTheEnforcementPointPollsUntilAnApproverApproves() {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);
    String approvalId = "ap-" + UUID.randomUUID();

    String id = openCase(source, approvalId, "bob");

    // the enforcement point finds its case by its own approval id, with its ingest key, right after the 202
    Api.Reply polled = api().get("api/v1/escalations?source=" + source.name() + "&approvalId=" + approvalId, source.key());
    assertThat(polled.status()).as(polled.body()).isEqualTo(200);
    JsonObject found = polled.json().getJsonArray("items").getJsonObject(0);
    assertThat(found.getString("id")).isEqualTo(id);
    assertThat(found.getString("state")).isEqualTo("open");
    assertThat(found.getInt("level")).isEqualTo(1);
    assertThat(found.getJsonObject("request").getString("requester")).isEqualTo("bob");

    // another source cannot see it
    Api.Source other = api().newSource();
    assertThat(api().get("api/v1/escalations/" + id, other.key()).status()).isEqualTo(404);
    // an auditor reads but does not decide; an ingest key does not decide
    Api.Person auditor = api().newUser("auditor", "AUDITOR");
    assertThat(api().get("api/v1/escalations/" + id, auditor.token()).status()).isEqualTo(200);
    assertThat(decide(id, auditor.token(), "approve", "looks fine").status()).isEqualTo(403);
    assertThat(decide(id, source.key(), "approve", "looks fine").status()).isEqualTo(403);

    Api.Person approver = api().newUser("approver", "APPROVER");
    Api.Reply noReason = api().postJson("api/v1/escalations/" + id + "/decision", approver.token(), "{\"decision\":\"approve\"}");
    assertThat(noReason.status()).isEqualTo(400);

    Api.Reply approved = decide(id, approver.token(), "approve", "refund matches ticket T-1");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().getString("state")).isEqualTo("approved");

    JsonObject seen = api().get("api/v1/escalations/" + id, source.key()).json();
    assertThat(seen.getString("state")).isEqualTo("approved");
    assertThat(seen.getBoolean("approved")).isTrue();
    assertThat(seen.getString("decidedBy")).isEqualTo(approver.name());
    assertThat(seen.getString("reason")).isEqualTo("refund matches ticket T-1");
    JsonObject step = seen.getJsonArray("history").getJsonObject(1);
    assertThat(step.getString("kind")).isEqualTo("approved");
    assertThat(step.getString("actor")).isEqualTo(approver.name());
    assertThat(step.getInt("level")).isEqualTo(1);
    assertThat(step.getBoolean("deadlineMet")).isTrue();

    Api.Reply again = decide(id, api().newUser("approver", "APPROVER").token(), "reject", "too late");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("type")).isEqualTo("/problems/case-decided");
  }

  @Test
  default void shouldOpenNoCaseForActionsNoPolicyCovers() {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);

    Api.Reply receipt = api().events(source.key(), "[" + approvalRequested("ap-" + UUID.randomUUID(), "search", null) + ","
        + Api.event(Api.uniqueId()) + "]");

    assertThat(receipt.status()).isEqualTo(202);
    receipt.json().getJsonArray("items").getValuesAs(JsonObject.class)
        .forEach(item -> assertThat(item.containsKey("escalation")).isFalse());
    assertThat(api().get("api/v1/escalations?source=" + source.name(), Api.ADMIN_TOKEN).json().getJsonArray("items")).isEmpty();
  }

  @Test
  default void shouldOpenACaseForADecisionThatRequiresApproval() {
    Api.Source source = api().newSource();
    policy(source.name(), "", "role:APPROVER", "PT10M", null, null);
    String event = "{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"2026-11-23T08:15:00Z\",\"type\":\"policy.decision\","
        + "\"agent\":{\"id\":\"spiffe://acme/agents/ops\"},\"action\":{\"tool\":\"k8s.scale\",\"approvalId\":\"ap-9\"},"
        + "\"decision\":{\"outcome\":\"require_approval\",\"policy\":\"prod-changes\"}}";

    JsonObject item = api().events(source.key(), "[" + event + "]").json().getJsonArray("items").getJsonObject(0);

    JsonObject c = escalation(item.getString("escalation"));
    assertThat(c.getString("state")).isEqualTo("open");
    assertThat(c.getJsonObject("request").getString("approvalId")).isEqualTo("ap-9");
  }

  @Test
  default void shouldRecordARejectionThatIsNeverAnApproval() {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);
    String id = openCase(source, "ap-" + UUID.randomUUID(), null);
    Api.Person approver = api().newUser("approver", "APPROVER");

    Api.Reply rejected = decide(id, approver.token(), "reject", "no ticket for this refund");

    assertThat(rejected.status()).isEqualTo(200);
    JsonObject c = escalation(id);
    assertThat(c.getString("state")).isEqualTo("rejected");
    assertThat(c.getBoolean("approved")).isFalse();
    assertThat(c.getString("reason")).isEqualTo("no ticket for this refund");
    assertThat(kinds(c)).containsExactly("opened", "rejected");
  }

  @Test
  default void shouldKeepTheDeadlineWhenAcknowledgedAndKeepAnApprovalWhenClosed() {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);
    Api.Person approver = api().newUser("approver", "APPROVER");
    String approvedId = openCase(source, "ap-" + UUID.randomUUID(), null);
    String deadline = escalation(approvedId).getString("deadline");

    Api.Reply ack = api().post("api/v1/escalations/" + approvedId + "/acknowledge", approver.token(), null, "");
    assertThat(ack.status()).as(ack.body()).isEqualTo(200);
    assertThat(ack.json().getString("state")).isEqualTo("acknowledged");
    assertThat(ack.json().getString("deadline")).isEqualTo(deadline);

    decide(approvedId, approver.token(), "approve", "ok");
    Api.Reply closed = api().post("api/v1/escalations/" + approvedId + "/close", Api.ADMIN_TOKEN, "application/json",
        "{\"reason\":\"refund executed\"}");
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().getString("state")).isEqualTo("closed");
    assertThat(closed.json().getBoolean("approved")).isTrue();
    assertThat(kinds(closed.json())).containsExactly("opened", "acknowledged", "approved", "closed");

    String withdrawnId = openCase(source, "ap-" + UUID.randomUUID(), null);
    JsonObject withdrawn = api().post("api/v1/escalations/" + withdrawnId + "/close", Api.ADMIN_TOKEN, null, "").json();
    assertThat(withdrawn.getString("state")).isEqualTo("closed");
    assertThat(withdrawn.getBoolean("approved")).isFalse();
    assertThat(decide(withdrawnId, approver.token(), "approve", "too late").json().getString("type"))
        .isEqualTo("/problems/case-decided");
  }

  @Test
  default void shouldRefuseSelfApproval() {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);
    Api.Person requester = api().newUser("requester", "APPROVER");
    String id = openCase(source, "ap-" + UUID.randomUUID(), requester.name());

    Api.Reply own = decide(id, requester.token(), "approve", "I need it");

    assertThat(own.status()).isEqualTo(403);
    assertThat(own.contentType()).startsWith("application/problem+json");
    assertThat(own.json().getString("type")).isEqualTo("/problems/self-approval");
    assertThat(escalation(id).getString("state")).isEqualTo("open");
    assertThat(decide(id, api().newUser("approver", "APPROVER").token(), "approve", "checked").status()).isEqualTo(200);
  }

  @Test
  default void shouldRefuseAnApproverOfAnotherLevel() {
    Api.Source source = api().newSource();
    Api.Person risk = api().newUser("risk", "APPROVER");
    policy(source.name(), "\"payments.*\"", "user:" + risk.name(), "PT10M", null, null);
    String id = openCase(source, "ap-" + UUID.randomUUID(), null);

    Api.Reply other = decide(id, api().newUser("approver", "APPROVER").token(), "approve", "fine");

    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().getString("type")).isEqualTo("/problems/not-an-approver");
    assertThat(decide(id, risk.token(), "approve", "fine").status()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- deadlines

  @Test
  default void shouldEscalateThroughEveryLevelThenExpireAndRefuseALateDecision() {
    Api.Source source = api().newSource();
    Api.Person risk = api().newUser("risk", "APPROVER");
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT2S", "user:" + risk.name(), "PT2S");
    String id = openCase(source, "ap-" + UUID.randomUUID(), null);

    eventually("the case moves to level 2", () -> escalation(id).getInt("level") == 2);
    JsonObject escalated = escalation(id);
    assertThat(escalated.getString("state")).isIn("escalated", "expired");
    assertThat(escalated.getJsonArray("approvers").getString(0)).isEqualTo("user:" + risk.name());

    eventually("the case expires", () -> escalation(id).getString("state").equals("expired"));
    JsonObject expired = escalation(id);
    assertThat(expired.getBoolean("approved")).isFalse();
    assertThat(kinds(expired)).containsExactly("opened", "escalated", "expired");
    JsonObject breach = expired.getJsonArray("history").getJsonObject(1);
    assertThat(breach.getInt("level")).isEqualTo(1);
    assertThat(breach.getBoolean("deadlineMet")).isFalse();
    assertThat(breach.getString("actor")).isEqualTo("system");

    Api.Reply late = decide(id, risk.token(), "approve", "sorry, was away");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().getString("type")).isEqualTo("/problems/case-expired");
    assertThat(late.json().getString("detail")).startsWith("This case expired at ").endsWith("a decision is no longer possible.");
    assertThat(escalation(id).getString("state")).isEqualTo("expired");

    JsonObject figures = api().get("api/v1/escalations/figures", Api.ADMIN_TOKEN).json();
    assertThat(figures.getInt("expired")).isGreaterThanOrEqualTo(1);
    JsonObject level1 = figures.getJsonArray("levels").getValuesAs(JsonObject.class).stream()
        .filter(l -> l.getInt("level") == 1).findFirst().orElseThrow();
    assertThat(level1.getInt("deadlineBreaches")).isGreaterThanOrEqualTo(1);
  }

  /**
   * The timer keeps nothing in memory: a deadline stored in the database drives it. Here the
   * deadline passes "while AgentTrail was down" (moved into the past behind its back), and the
   * running timer escalates the case from the stored time alone.
   */
  @Test
  default void shouldResumeAStoredDeadlineThatPassedWhileNoTimerWatched() throws Exception {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT1H", "role:APPROVER", "PT1H");
    String id = openCase(source, "ap-" + UUID.randomUUID(), null);
    assertThat(escalation(id).getInt("level")).isEqualTo(1);

    try (Connection db = database();
        PreparedStatement s = db.prepareStatement("UPDATE escalation_case SET deadline = level_started_at WHERE id = ?")) {
      s.setString(1, id);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }

    eventually("the timer escalates the case", () -> escalation(id).getInt("level") == 2);
    assertThat(escalation(id).getString("state")).isEqualTo("escalated");
    assertThat(kinds(escalation(id))).containsExactly("opened", "escalated");
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  default void shouldGiveExactlyOneOutcomeToSimultaneousDecisions() throws Exception {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);
    Api.Person alice = api().newUser("alice", "APPROVER");
    Api.Person carol = api().newUser("carol", "APPROVER");
    for (int round = 0; round < 3; round++) {
      String id = openCase(source, "ap-" + UUID.randomUUID(), null);
      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<Api.Reply> approve = CompletableFuture.supplyAsync(() -> {
        await(start);
        return decide(id, alice.token(), "approve", "ok");
      });
      CompletableFuture<Api.Reply> reject = CompletableFuture.supplyAsync(() -> {
        await(start);
        return decide(id, carol.token(), "reject", "no");
      });
      start.countDown();
      List<Api.Reply> replies = List.of(approve.get(), reject.get());

      assertThat(replies).extracting(Api.Reply::status).containsExactlyInAnyOrder(200, 409);
      Api.Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
      Api.Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
      assertThat(loser.json().getString("type")).isEqualTo("/problems/case-decided");
      JsonObject c = escalation(id);
      assertThat(c.getString("state")).isEqualTo(winner.json().getString("state"));
      assertThat(kinds(c)).hasSize(2);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- webhooks

  @Test
  default void shouldSignWebhooksWithTheReceiversSecretAndRetryAfterA500() throws Exception {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    List<String> verified = Collections.synchronizedList(new ArrayList<>());
    List<String> forged = Collections.synchronizedList(new ArrayList<>());
    Set<String> failedOnce = Collections.synchronizedSet(new HashSet<>());
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String msgId = exchange.getRequestHeaders().getFirst("webhook-id");
      String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
      String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
      boolean ok = signature != null && timestamp != null && msgId != null
          && signature.equals("v1," + hmac(key, msgId + "." + timestamp + "." + body));
      (ok ? verified : forged).add(msgId + " " + body);
      int status = ok && !failedOnce.add(msgId) ? 200 : 500; // the first delivery of each message fails
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    String subscription = null;
    try {
      Api.Reply created = api().postJson("api/v1/webhooks", Api.ADMIN_TOKEN, "{\"url\":\"http://127.0.0.1:"
          + receiver.getAddress().getPort() + "/hook\",\"secret\":\"" + secret + "\",\"events\":[\"escalation.opened\"]}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      subscription = created.json().getString("id");
      assertThat(created.json().getString("secret")).isEqualTo(secret);
      assertThat(api().get("api/v1/webhooks/" + subscription, Api.ADMIN_TOKEN).body()).doesNotContain(secret);

      Api.Source source = api().newSource();
      policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);
      String id = openCase(source, "ap-" + UUID.randomUUID(), null);

      String sub = subscription;
      eventually("the receiver accepted the notification after a 500", () -> api().get("api/v1/webhooks/" + sub + "/deliveries",
          Api.ADMIN_TOKEN).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .anyMatch(d -> id.equals(d.getString("caseId", null)) && d.getString("status").equals("delivered")));

      JsonObject delivery = api().get("api/v1/webhooks/" + sub + "/deliveries", Api.ADMIN_TOKEN).json().getJsonArray("items")
          .getValuesAs(JsonObject.class).stream().filter(d -> id.equals(d.getString("caseId", null))).findFirst().orElseThrow();
      assertThat(delivery.getString("type")).isEqualTo("escalation.opened");
      JsonArray attempts = delivery.getJsonArray("attempts");
      assertThat(attempts.getValuesAs(JsonObject.class)).extracting(a -> a.getInt("statusCode"), a -> a.getBoolean("succeeded"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple(500, false), org.assertj.core.groups.Tuple.tuple(200, true));
      assertThat(forged).isEmpty();
      List<String> forCase = verified.stream().filter(v -> v.contains(id)).toList();
      assertThat(forCase).hasSize(2);
      assertThat(forCase.get(0)).isEqualTo(forCase.get(1)); // same webhook-id and body on the retry
      assertThat(forCase.get(0)).contains("\"type\":\"escalation.opened\"");
    } finally {
      if (subscription != null) {
        api().delete("api/v1/webhooks/" + subscription, Api.ADMIN_TOKEN);
      }
      receiver.stop(0);
    }
  }

  private static String hmac(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- detection

  private JsonObject stateChange(Api.Source source, String agent, String approvalId) {
    String event = "{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"" + java.time.Instant.now() + "\","
        + "\"type\":\"action.state_change\",\"agent\":{\"id\":\"" + agent + "\",\"task\":\"T-9\"},"
        + "\"action\":{\"tool\":\"payments.refund\",\"operation\":\"refund\",\"stateChanging\":true"
        + (approvalId == null ? "" : ",\"approvalId\":\"" + approvalId + "\"") + "},"
        + "\"decision\":{\"outcome\":\"allow\",\"authorizedBy\":\"gateway\"},\"intent\":\"refund\"}";
    Api.Reply r = api().events(source.key(), "[" + event + "]");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    long seq = r.json().getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();
    eventually("detection processed seq " + seq, () -> api().get("api/v1/detection", Api.ADMIN_TOKEN).json()
        .getJsonNumber("processedSeq").longValue() >= seq);
    return r.json();
  }

  private List<JsonObject> unescalated(String agent) {
    return api().get("api/v1/incidents?signal=UNESCALATED_STATE_CHANGE&agent="
        + java.net.URLEncoder.encode(agent, StandardCharsets.UTF_8), Api.ADMIN_TOKEN).json().getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  @Test
  default void shouldLetDetectionTellAStateChangeWithAnApprovedCaseFromOneWithout() {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);
    Api.Person approver = api().newUser("approver", "APPROVER");
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    String approvedAp = "ap-" + UUID.randomUUID();
    decide(openCase(source, approvedAp, null), approver.token(), "approve", "ok");
    String approvedAgent = "spiffe://acme/agents/approved-" + suffix;
    stateChange(source, approvedAgent, approvedAp);
    assertThat(unescalated(approvedAgent)).as("covered by an approved case").isEmpty();

    String byCaseIdAgent = "spiffe://acme/agents/by-case-" + suffix;
    String caseId = openCase(source, "ap-" + UUID.randomUUID(), null);
    decide(caseId, approver.token(), "approve", "ok");
    stateChange(source, byCaseIdAgent, caseId);
    assertThat(unescalated(byCaseIdAgent)).as("covered, named by AgentTrail's case id").isEmpty();

    String withoutAgent = "spiffe://acme/agents/without-" + suffix;
    stateChange(source, withoutAgent, null);
    assertThat(unescalated(withoutAgent)).hasSize(1);

    String rejectedId = openCase(source, "ap-" + UUID.randomUUID(), null);
    decide(rejectedId, approver.token(), "reject", "no");
    String rejectedAgent = "spiffe://acme/agents/rejected-" + suffix;
    stateChange(source, rejectedAgent, rejectedId);
    List<JsonObject> rejected = unescalated(rejectedAgent);
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).getString("severity")).isEqualTo("critical");
    assertThat(rejected.get(0).getString("explanation")).contains(rejectedId).contains("rejected");

    String pendingAp = "ap-" + UUID.randomUUID();
    String pendingId = openCase(source, pendingAp, null);
    String pendingAgent = "spiffe://acme/agents/pending-" + suffix;
    stateChange(source, pendingAgent, pendingAp);
    assertThat(unescalated(pendingAgent)).singleElement()
        .satisfies(i -> assertThat(i.getString("explanation")).contains(pendingId).contains("open"));
  }

  @Test
  default void shouldLetDetectionFlagAStateChangeAfterTheCaseExpired() {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT1S", null, null);
    String approvalId = "ap-" + UUID.randomUUID();
    String id = openCase(source, approvalId, null);
    eventually("the case expires", () -> escalation(id).getString("state").equals("expired"));

    String agent = "spiffe://acme/agents/late-" + UUID.randomUUID().toString().substring(0, 8);
    stateChange(source, agent, approvalId);

    List<JsonObject> found = unescalated(agent);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getString("severity")).isEqualTo("critical");
    assertThat(found.get(0).getString("explanation")).contains(id).contains("expired");
  }

  // ---------------------------------------------------------------- figures

  @Test
  default void shouldCountDecisionsByApproverAndLevel() {
    Api.Source source = api().newSource();
    policy(source.name(), "\"payments.*\"", "role:APPROVER", "PT10M", null, null);
    Api.Person approver = api().newUser("approver", "APPROVER");
    decide(openCase(source, "ap-" + UUID.randomUUID(), null), approver.token(), "approve", "ok");
    decide(openCase(source, "ap-" + UUID.randomUUID(), null), approver.token(), "approve", "ok");
    decide(openCase(source, "ap-" + UUID.randomUUID(), null), approver.token(), "reject", "no");

    Api.Reply r = api().get("api/v1/escalations/figures?from=2026-01-01T00:00:00Z", api().newUser("auditor", "AUDITOR").token());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject mine = r.json().getJsonArray("approvers").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("approver").equals(approver.name())).findFirst().orElseThrow();
    assertThat(mine.getInt("approvals")).isEqualTo(2);
    assertThat(mine.getInt("rejections")).isEqualTo(1);
    JsonValue levels = r.json().get("levels");
    assertThat(levels.asJsonArray().getJsonObject(0).getInt("level")).isEqualTo(1);
    assertThat(levels.asJsonArray().getJsonObject(0).getInt("decisions")).isGreaterThanOrEqualTo(3);
    assertThat(api().get("api/v1/escalations/figures?from=yesterday", Api.ADMIN_TOKEN).status()).isEqualTo(400);
  }
}
