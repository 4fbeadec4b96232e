package dev.agenttrail.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrail.domain.event.EventValidator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class OpaDecisionMapperTest {

  /** A decision event as OPA's decision-log plugin uploads it, for an agent-tool policy. */
  static final String DECISION = """
      {"labels": {"app": "agent-gateway", "id": "5a1f0c1e-opa", "version": "1.4.2"},
       "decision_id": "4ca636c1-55e4-417a-b1d8-4aceb67960d1",
       "bundles": {"agents": {"revision": "b1f2c3"}},
       "path": "agents/tools/allow",
       "input": {"agent": {"id": "spiffe://acme.example/agents/billing", "session": "s-9", "task": "T-7"},
                 "action": {"tool": "payments.refund", "operation": "create", "stateChanging": true},
                 "data": {"classification": "confidential"}, "intent": "refund a duplicate charge",
                 "password": "[erased]"},
       "result": {"allow": false, "reasons": ["tool not declared for task", "amount over limit"]},
       "requested_by": "10.0.0.7:51234",
       "timestamp": "2026-11-23T08:15:00.123456789Z",
       "metrics": {"timer_rego_query_eval_ns": 233201},
       "erased": ["/input/password"], "masked": ["/input/card/number"],
       "req_id": 42}
      """;

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void shouldMapAnAgentToolDecisionWithTheDefaultPaths() {
    OpaDecisionMapper.Mapped mapped = new OpaDecisionMapper(OpaMapping.defaultMapping(), "enforce").map(0, parse(DECISION));

    JsonObject e = mapped.event();
    assertThat(mapped.problems()).isEmpty();
    assertThat(e.getString("id")).isEqualTo("4ca636c1-55e4-417a-b1d8-4aceb67960d1");
    assertThat(e.getString("type")).isEqualTo("policy.decision");
    assertThat(e.getJsonObject("agent").toString())
        .isEqualTo("{\"id\":\"spiffe://acme.example/agents/billing\",\"session\":\"s-9\",\"task\":\"T-7\"}");
    assertThat(e.getJsonObject("decision").getString("outcome")).isEqualTo("deny");
    assertThat(e.getJsonObject("decision").getString("reason")).isEqualTo("tool not declared for task; amount over limit");
    assertThat(e.getJsonObject("decision").getString("policy")).isEqualTo("agents/tools/allow");
    assertThat(e.getJsonObject("decision").getString("policyVersion")).isEqualTo("agents@b1f2c3");
    assertThat(e.getJsonObject("decision").getString("authorizedBy")).isEqualTo("policy:agents/tools/allow");
    assertThat(e.getJsonObject("action").getString("tool")).isEqualTo("payments.refund");
    assertThat(e.getJsonObject("action").getBoolean("stateChanging")).isTrue();
    assertThat(e.getJsonObject("data").getString("classification")).isEqualTo("confidential");
    assertThat(e.getString("intent")).isEqualTo("refund a duplicate charge");
    JsonObject opa = e.getJsonObject("attributes").getJsonObject("opa");
    assertThat(opa.getJsonArray("erased").getString(0)).isEqualTo("/input/password");
    assertThat(opa.getJsonArray("masked").getString(0)).isEqualTo("/input/card/number");
    assertThat(opa.getJsonObject("labels").getString("id")).isEqualTo("5a1f0c1e-opa");
    assertThat(e.getJsonObject("attributes").toString()).doesNotContain("[erased]");
    assertThat(new EventValidator(65536).validate(0, e)).isEmpty();
  }

  @Test
  void shouldReadABooleanResultAsAllowOrDeny() {
    String allowed = DECISION.replace("\"result\": {\"allow\": false, \"reasons\": [\"tool not declared for task\", \"amount over limit\"]}", "\"result\": true");
    JsonObject e = new OpaDecisionMapper(OpaMapping.defaultMapping(), "observe").map(0, parse(allowed)).event();
    assertThat(e.getJsonObject("decision").getString("outcome")).isEqualTo("allow");
    assertThat(e.getJsonObject("decision").getString("mode")).isEqualTo("observe");
  }

  @Test
  void shouldTreatAnEvaluationErrorAsOutcomeError() {
    String failed = DECISION.replace("\"result\": {\"allow\": false, \"reasons\": [\"tool not declared for task\", \"amount over limit\"]},",
        "\"error\": {\"code\": \"eval_conflict_error\", \"message\": \"functions must not produce multiple outputs\"},");
    JsonObject d = new OpaDecisionMapper(OpaMapping.defaultMapping(), "enforce").map(0, parse(failed)).event().getJsonObject("decision");
    assertThat(d.getString("outcome")).isEqualTo("error");
    assertThat(d.getString("reason")).isEqualTo("functions must not produce multiple outputs");
  }

  @Test
  void shouldStoreADecisionWithoutAnAgentAsUnmappedRatherThanDropIt() {
    String anonymous = DECISION.replace("\"agent\": {\"id\": \"spiffe://acme.example/agents/billing\", \"session\": \"s-9\", \"task\": \"T-7\"},", "");
    OpaDecisionMapper.Mapped mapped = new OpaDecisionMapper(OpaMapping.defaultMapping(), "enforce").map(0, parse(anonymous));
    assertThat(mapped.unmapped()).containsExactly("agentId");
    assertThat(mapped.event().getJsonObject("agent").getString("id")).isEqualTo(OpaDecisionMapper.UNMAPPED_AGENT);
    assertThat(mapped.event().getJsonObject("attributes").getJsonObject("agenttrail").toString())
        .isEqualTo("{\"unmapped\":[\"agentId\"]}");
  }

  @Test
  void shouldFollowASourcesOwnPaths() {
    String custom = DECISION.replace("\"agent\": {", "\"caller\": {\"workload\": \"spiffe://acme.example/agents/other\"}, \"agent\": {");
    OpaMapping mapping = OpaMapping.from(parse("{\"agentId\": \"input.caller.workload\", \"task\": [\"input.ticket\", \"input.agent.task\"]}"));
    JsonObject agent = new OpaDecisionMapper(mapping, "enforce").map(0, parse(custom)).event().getJsonObject("agent");
    assertThat(agent.getString("id")).isEqualTo("spiffe://acme.example/agents/other");
    assertThat(agent.getString("task")).isEqualTo("T-7");
  }

  @Test
  void shouldRefuseADecisionWithoutIdOrTimestamp() {
    OpaDecisionMapper.Mapped mapped = new OpaDecisionMapper(OpaMapping.defaultMapping(), "enforce")
        .map(3, parse("{\"path\": \"x\", \"timestamp\": \"now\"}"));
    assertThat(mapped.event()).isNull();
    assertThat(mapped.problems()).extracting(v -> v.index() + " " + v.pointer()).containsExactly("3 /decision_id", "3 /timestamp");
    assertThat(new OpaDecisionMapper(OpaMapping.defaultMapping(), "enforce").map(0, JsonValue.TRUE).problems()).hasSize(1);
  }

  @Test
  void shouldRejectUnknownMappingFieldsAndBadPaths() {
    assertThatThrownBy(() -> OpaMapping.from(parse("{\"agent\": \"input.agent.id\"}")))
        .hasMessageContaining("'agent' is not a mapping field");
    assertThatThrownBy(() -> OpaMapping.from(parse("{\"agentId\": \"input..id\"}")))
        .hasMessageContaining("is not a path");
  }
}
