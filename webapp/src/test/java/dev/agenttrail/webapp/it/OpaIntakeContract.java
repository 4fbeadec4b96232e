package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/ingest/opa} with bodies built exactly as OPA's decision-log plugin uploads
 * them: a gzip-compressed JSON array of decision events, {@code Content-Type: application/json},
 * {@code Content-Encoding: gzip}, the ingest key as bearer token. (OPA itself cannot be installed
 * on the build machines.)
 */
interface OpaIntakeContract extends Deployed {

  static String decision(String id, String agent, boolean allow) {
    return """
        {"labels": {"app": "agent-gateway", "id": "8f2d6c1a-opa", "version": "1.4.2"},
         "decision_id": "%s",
         "bundles": {"agents": {"revision": "r42"}},
         "path": "agents/tools/allow",
         "input": {"agent": {"id": "%s", "task": "T-7", "session": "s-1"},
                   "action": {"tool": "payments.refund", "operation": "create"},
                   "password": "", "card": {"number": "****"}},
         "result": {"allow": %s, "reason": "tool not declared for task"},
         "requested_by": "10.1.2.3:40000",
         "timestamp": "2026-11-23T08:15:00.123456789Z",
         "metrics": {"timer_rego_query_eval_ns": 91234},
         "erased": ["/input/password"],
         "masked": ["/input/card/number"],
         "req_id": 7}
        """.formatted(id, agent, allow);
  }

  private Api.Reply upload(String key, String path, String json) {
    return api().post(path, key, "application/json", Api.gzip(json), "gzip");
  }

  @Test
  default void shouldStoreOpaDecisionsAsPolicyDecisionEvents() {
    Api.Source source = api().newSource();
    String d1 = UUID.randomUUID().toString();
    String d2 = UUID.randomUUID().toString();
    Api.Reply reply = upload(source.key(), "api/v1/ingest/opa",
        "[" + decision(d1, "spiffe://acme.example/agents/billing", false) + "," + decision(d2, "spiffe://acme.example/agents/billing", true) + "]");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().getInt("accepted")).isEqualTo(2);
    JsonObject event = api().get("api/v1/events/" + source.name() + "/" + d1, Api.ADMIN_TOKEN).json().getJsonObject("event");
    assertThat(event.getString("type")).isEqualTo("policy.decision");
    assertThat(event.getString("occurredAt")).isEqualTo("2026-11-23T08:15:00.123456789Z");
    assertThat(event.getJsonObject("agent").getString("task")).isEqualTo("T-7");
    assertThat(event.getJsonObject("action").getString("tool")).isEqualTo("payments.refund");
    JsonObject decision = event.getJsonObject("decision");
    assertThat(decision.getString("outcome")).isEqualTo("deny");
    assertThat(decision.getString("policy")).isEqualTo("agents/tools/allow");
    assertThat(decision.getString("policyVersion")).isEqualTo("agents@r42");
    assertThat(decision.getString("mode")).isEqualTo("enforce");
    JsonObject opa = event.getJsonObject("attributes").getJsonObject("opa");
    assertThat(opa.getJsonArray("erased").getString(0)).isEqualTo("/input/password");
    assertThat(opa.getJsonArray("masked").getString(0)).isEqualTo("/input/card/number");
    assertThat(api().get("api/v1/events/" + source.name() + "/" + d2, Api.ADMIN_TOKEN).json()
        .getJsonObject("event").getJsonObject("decision").getString("outcome")).isEqualTo("allow");
  }

  @Test
  default void shouldNotDuplicateABatchOpaRetriesAfterATimeout() {
    Api.Source source = api().newSource();
    String chunk = "[" + decision(UUID.randomUUID().toString(), "a1", true) + "," + decision(UUID.randomUUID().toString(), "a1", false) + "]";
    Api.Reply first = upload(source.key(), "api/v1/ingest/opa/logs", chunk);
    Api.Reply retry = upload(source.key(), "api/v1/ingest/opa/logs", chunk);

    assertThat(first.json().getInt("accepted")).isEqualTo(2);
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.json().getInt("accepted")).isZero();
    assertThat(retry.json().getInt("duplicates")).isEqualTo(2);
    assertThat(api().get("api/v1/events?source=" + source.name(), Api.ADMIN_TOKEN).json().getJsonArray("items")).hasSize(2);
  }

  @Test
  default void shouldKeepADecisionWithoutAgentAndSayWhatWasUnmapped() {
    Api.Source source = api().newSource();
    String id = UUID.randomUUID().toString();
    String anonymous = decision(id, "x", true).replace("\"agent\": {\"id\": \"x\", \"task\": \"T-7\", \"session\": \"s-1\"},", "");
    Api.Reply reply = upload(source.key(), "api/v1/ingest/opa", "[" + anonymous + "]");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().getJsonArray("items").getJsonObject(0).getJsonArray("unmapped").getString(0)).isEqualTo("agentId");
    assertThat(api().get("api/v1/events/" + source.name() + "/" + id, Api.ADMIN_TOKEN).json()
        .getJsonObject("event").getJsonObject("agent").getString("id")).isEqualTo("opa:unmapped-agent");
  }

  @Test
  default void shouldFollowTheSourcesOwnMapping() {
    Api.Source source = api().newSource();
    Api.Reply configured = api().put("api/v1/sources/" + source.name() + "/adapters/opa", Api.ADMIN_TOKEN,
        "{\"agentId\": \"input.caller.workload\", \"task\": \"input.ticket\"}");
    assertThat(configured.status()).isEqualTo(200);
    assertThat(configured.json().getJsonArray("agentId").getString(0)).isEqualTo("input.caller.workload");
    String id = UUID.randomUUID().toString();
    String custom = decision(id, "ignored", true).replace("\"input\": {", "\"input\": {\"caller\": {\"workload\": \"spiffe://acme.example/agents/ops\"}, \"ticket\": \"OPS-1\",");

    upload(source.key(), "api/v1/ingest/opa", "[" + custom + "]");

    JsonObject agent = api().get("api/v1/events/" + source.name() + "/" + id, Api.ADMIN_TOKEN).json().getJsonObject("event").getJsonObject("agent");
    assertThat(agent.getString("id")).isEqualTo("spiffe://acme.example/agents/ops");
    assertThat(agent.getString("task")).isEqualTo("OPS-1");
    Api.Reply bad = api().put("api/v1/sources/" + source.name() + "/adapters/opa", Api.ADMIN_TOKEN, "{\"agent\": \"input.x\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("detail")).contains("'agent' is not a mapping field");
  }

  @Test
  default void shouldRefuseAChunkWithAnUndecodableDecisionAndStoreNothing() {
    Api.Source source = api().newSource();
    String good = UUID.randomUUID().toString();
    Api.Reply reply = upload(source.key(), "api/v1/ingest/opa",
        "[" + decision(good, "a1", true) + ", {\"path\": \"agents/tools/allow\", \"timestamp\": \"2026-11-23T08:15:00Z\"}]");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getInt("index")).isEqualTo(1);
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/decision_id");
    assertThat(api().get("api/v1/events/" + source.name() + "/" + good, Api.ADMIN_TOKEN).status()).isEqualTo(404);
    assertThat(upload("atk_aaaaaaaaaaaa_notarealsecretnotarealsecret", "api/v1/ingest/opa", "[]").status()).isEqualTo(401);
  }
}
