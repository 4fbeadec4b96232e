package dev.agenttrail.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.domain.event.EventValidator;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenAiSpanMapperTest {

  static final String TRACE = "5b8efff798038103d269b633813fc60c";
  static final String AGENT_SPAN = "eee19b7ec3c1b174";
  static final String TOOL_SPAN = "eee19b7ec3c1b175";
  static final long START = 1_795_422_900_123_456_789L; // 2026-11-23T08:35:00.123456789Z

  static OtlpSpan span(String spanId, String parent, String name, Map<String, Object> attributes) {
    return new OtlpSpan(TRACE, spanId, parent, name, "internal", START, START + 2_500_000, attributes, 0, "",
        Map.of("service.name", "billing-service"), "agent-sdk");
  }

  static OtlpSpan invokeAgent() {
    return span(AGENT_SPAN, "", "invoke_agent billing", Map.of("gen_ai.operation.name", "invoke_agent",
        "gen_ai.agent.id", "spiffe://acme.example/agents/billing", "gen_ai.agent.name", "billing",
        "gen_ai.conversation.id", "conv-9"));
  }

  static OtlpSpan executeTool(String spanId, String parent) {
    return span(spanId, parent, "execute_tool payments.refund", Map.of("gen_ai.operation.name", "execute_tool",
        "gen_ai.tool.name", "payments.refund", "gen_ai.tool.call.id", "call_17", "gen_ai.tool.type", "function"));
  }

  @Test
  void shouldMapAnExecuteToolSpanUnderItsAgent() {
    GenAiSpanMapper.Result result = new GenAiSpanMapper().map(List.of(executeTool(TOOL_SPAN, AGENT_SPAN), invokeAgent()));

    assertThat(result.events()).hasSize(1);
    assertThat(result.context()).isEqualTo(1);
    assertThat(result.ignored()).isZero();
    assertThat(result.rejected()).isEmpty();
    JsonObject e = result.events().get(0);
    assertThat(e.getString("id")).isEqualTo(TRACE + ":" + TOOL_SPAN);
    assertThat(e.getString("type")).isEqualTo("tool.invocation");
    assertThat(e.getString("occurredAt")).isEqualTo("2026-11-23T08:35:00.123456789Z");
    assertThat(e.getString("traceId")).isEqualTo(TRACE);
    assertThat(e.getJsonObject("agent").toString()).isEqualTo(
        "{\"id\":\"spiffe://acme.example/agents/billing\",\"session\":\"conv-9\",\"task\":\"" + AGENT_SPAN + "\"}");
    assertThat(e.getJsonObject("action").getString("tool")).isEqualTo("payments.refund");
    assertThat(e.containsKey("decision")).isFalse();
    assertThat(e.getJsonObject("attributes").getJsonObject("otel").toString()).isEqualTo(
        "{\"spanName\":\"execute_tool payments.refund\",\"spanKind\":\"internal\",\"durationNanos\":2500000,"
            + "\"parentSpanId\":\"" + AGENT_SPAN + "\",\"toolCallId\":\"call_17\",\"toolType\":\"function\","
            + "\"agentName\":\"billing\",\"serviceName\":\"billing-service\",\"scope\":\"agent-sdk\"}");
    assertThat(new EventValidator(65536).validate(0, e)).isEmpty();
  }

  @Test
  void shouldFindTheAgentThroughIntermediateSpansAndPreferAnExplicitTask() {
    String chat = "eee19b7ec3c1b176";
    Map<String, Object> tool = new HashMap<>(executeTool(TOOL_SPAN, chat).attributes());
    tool.put("agenttrail.task", "T-7");
    OtlpSpan chatSpan = span(chat, AGENT_SPAN, "chat gpt-4o", Map.of("gen_ai.operation.name", "chat"));

    GenAiSpanMapper.Result result = new GenAiSpanMapper()
        .map(List.of(span(TOOL_SPAN, chat, "execute_tool payments.refund", tool), chatSpan, invokeAgent()));

    JsonObject agent = result.events().get(0).getJsonObject("agent");
    assertThat(agent.getString("id")).isEqualTo("spiffe://acme.example/agents/billing");
    assertThat(agent.getString("task")).isEqualTo("T-7");
    assertThat(agent.getString("session")).isEqualTo("conv-9");
    assertThat(result.ignored()).isEqualTo(1);
  }

  @Test
  void shouldFallBackToTheServiceNameWithoutAnAgentSpan() {
    JsonObject e = new GenAiSpanMapper().map(List.of(executeTool(TOOL_SPAN, "0000000000000001"))).events().get(0);
    assertThat(e.getJsonObject("agent").toString()).isEqualTo("{\"id\":\"billing-service\"}");
  }

  @Test
  void shouldReportAnAgentItCannotFindRatherThanDropTheSpan() {
    OtlpSpan bare = new OtlpSpan(TRACE, TOOL_SPAN, "", "execute_tool lookup", "client", START, START, Map.of(
        "gen_ai.operation.name", "execute_tool"), 0, "", Map.of(), "");
    JsonObject e = new GenAiSpanMapper().map(List.of(bare)).events().get(0);
    assertThat(e.getJsonObject("agent").getString("id")).isEqualTo(GenAiSpanMapper.UNMAPPED_AGENT);
    assertThat(e.getJsonObject("action").getString("tool")).isEqualTo("lookup");
    assertThat(e.getJsonObject("attributes").getJsonObject("agenttrail").toString()).isEqualTo("{\"unmapped\":[\"agentId\"]}");
  }

  @Test
  void shouldTurnAnErrorStatusIntoAnErrorDecision() {
    OtlpSpan ok = executeTool(TOOL_SPAN, AGENT_SPAN);
    OtlpSpan failed = new OtlpSpan(ok.traceId(), ok.spanId(), ok.parentSpanId(), ok.name(), ok.kind(), ok.startNanos(),
        ok.endNanos(), ok.attributes(), OtlpSpan.STATUS_ERROR, "card declined", ok.resource(), ok.scope());
    JsonObject e = new GenAiSpanMapper().map(List.of(failed, invokeAgent())).events().get(0);
    assertThat(e.getJsonObject("decision").toString()).isEqualTo("{\"outcome\":\"error\",\"reason\":\"card declined\"}");
  }

  @Test
  void shouldRejectToolSpansWithInvalidIdsAndCountTheOthers() {
    OtlpSpan badSpanId = new OtlpSpan(TRACE, "xyz", "", "execute_tool a", "internal", START, START,
        Map.of("gen_ai.operation.name", "execute_tool"), 0, "", Map.of(), "");
    OtlpSpan zeroTrace = new OtlpSpan("00000000000000000000000000000000", TOOL_SPAN, "", "execute_tool b", "internal",
        START, START, Map.of("gen_ai.operation.name", "execute_tool"), 0, "", Map.of(), "");
    OtlpSpan http = span("eee19b7ec3c1b177", "", "GET /accounts", Map.of("http.request.method", "GET"));

    GenAiSpanMapper.Result result = new GenAiSpanMapper().map(List.of(badSpanId, zeroTrace, http));

    assertThat(result.events()).isEmpty();
    assertThat(result.ignored()).isEqualTo(1);
    assertThat(result.rejected()).containsExactly(
        "span 'execute_tool a' (trace " + TRACE + ", span xyz): the span id must be 8 bytes (16 hex digits), not all zero",
        "span 'execute_tool b' (trace 00000000000000000000000000000000, span " + TOOL_SPAN
            + "): the trace id must be 16 bytes (32 hex digits), not all zero");
  }
}
