package dev.agenttrail.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpJsonTracesTest {

  /** An export in the OTLP/JSON encoding, as an SDK's http/json exporter sends it. */
  static final String EXPORT = """
      {"resourceSpans": [{
        "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "billing-service"}}]},
        "scopeSpans": [{
          "scope": {"name": "agent-sdk", "version": "1.2.0"},
          "spans": [
            {"traceId": "5B8EFFF798038103D269B633813FC60C", "spanId": "eee19b7ec3c1b174", "name": "invoke_agent billing",
             "kind": 1, "startTimeUnixNano": "1795422900000000000", "endTimeUnixNano": "1795422901000000000",
             "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "invoke_agent"}},
                            {"key": "gen_ai.agent.id", "value": {"stringValue": "spiffe://acme.example/agents/billing"}}],
             "status": {}},
            {"traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b175", "parentSpanId": "eee19b7ec3c1b174",
             "name": "execute_tool payments.refund", "kind": "SPAN_KIND_CLIENT",
             "startTimeUnixNano": 1795422900123456789, "endTimeUnixNano": "1795422900223456789",
             "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "execute_tool"}},
                            {"key": "gen_ai.tool.name", "value": {"stringValue": "payments.refund"}},
                            {"key": "retries", "value": {"intValue": "2"}},
                            {"key": "sampled", "value": {"boolValue": true}},
                            {"key": "score", "value": {"doubleValue": 0.5}},
                            {"key": "tags", "value": {"arrayValue": {"values": [{"stringValue": "a"}, {"intValue": 3}]}}},
                            {"key": "limits", "value": {"kvlistValue": {"values": [{"key": "max", "value": {"intValue": "10"}}]}}},
                            {"key": "empty", "value": {}}],
             "status": {"code": 2, "message": "card declined"},
             "events": [], "links": [], "flags": 257, "somethingNew": true}
          ]}]}]}
      """;

  static JsonValue parse(String json) {
    return Json.createReader(new StringReader(json)).readValue();
  }

  @Test
  void shouldReadSpansWithTheirResourceScopeAndTypedAttributes() {
    List<OtlpSpan> spans = OtlpJsonTraces.decode(parse(EXPORT));

    assertThat(spans).hasSize(2);
    OtlpSpan agent = spans.get(0);
    assertThat(agent.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(agent.parentSpanId()).isEmpty();
    assertThat(agent.kind()).isEqualTo("internal");
    assertThat(agent.resource()).containsEntry("service.name", "billing-service");
    assertThat(agent.scope()).isEqualTo("agent-sdk");
    OtlpSpan tool = spans.get(1);
    assertThat(tool.kind()).isEqualTo("client");
    assertThat(tool.startNanos()).isEqualTo(1_795_422_900_123_456_789L);
    assertThat(tool.endNanos()).isEqualTo(1_795_422_900_223_456_789L);
    assertThat(tool.statusCode()).isEqualTo(OtlpSpan.STATUS_ERROR);
    assertThat(tool.statusMessage()).isEqualTo("card declined");
    assertThat(tool.attributes()).containsEntry("retries", 2L).containsEntry("sampled", true).containsEntry("score", 0.5)
        .containsEntry("tags", List.of("a", 3L)).containsEntry("limits", Map.of("max", 10L)).doesNotContainKey("empty");
  }

  @Test
  void shouldMapTheDecodedExportLikeAnyOther() {
    GenAiSpanMapper.Result result = new GenAiSpanMapper().map(OtlpJsonTraces.decode(parse(EXPORT)));
    assertThat(result.events()).hasSize(1);
    assertThat(result.events().get(0).getJsonObject("agent").getString("task")).isEqualTo("eee19b7ec3c1b174");
    assertThat(result.events().get(0).getJsonObject("decision").getString("outcome")).isEqualTo("error");
  }

  @Test
  void shouldAcceptAnEmptyExport() {
    assertThat(OtlpJsonTraces.decode(parse("{}"))).isEmpty();
    assertThat(OtlpJsonTraces.decode(parse("{\"resourceSpans\": []}"))).isEmpty();
  }

  @Test
  void shouldRefuseWhatIsNotAnExportTraceServiceRequest() {
    assertThatThrownBy(() -> OtlpJsonTraces.decode(parse("[]"))).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> OtlpJsonTraces.decode(parse("{\"resourceSpans\": {}}"))).hasMessage("resourceSpans must be an array");
    assertThatThrownBy(() -> OtlpJsonTraces.decode(parse(
        "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"startTimeUnixNano\": \"soon\"}]}]}]}")))
        .hasMessageContaining("startTimeUnixNano must be a 64-bit integer");
    assertThatThrownBy(() -> OtlpJsonTraces.decode(parse(
        "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"traceId\": 12}]}]}]}")))
        .hasMessage("span.traceId must be a hex string");
  }
}
