package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * OTLP/HTTP trace intake with the OpenTelemetry Java SDK as the producer: GenAI spans exported
 * with the SDK's own OTLP exporter in the protobuf and the JSON encoding, to the path under
 * {@code /api/v1} and to the exporters' default {@code /v1/traces}, then read back over the REST API.
 */
interface OtlpIntakeContract extends Deployed {

  String OTLP_PATH = "api/v1/ingest/otlp/v1/traces";

  private JsonObject stored(Api.Source source, String id) {
    Api.Reply reply = api().get("api/v1/events/" + source.name() + "/" + id, Api.ADMIN_TOKEN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonObject("event");
  }

  private int count(Api.Source source) {
    return api().get("api/v1/events?source=" + source.name(), Api.ADMIN_TOKEN).json().getJsonArray("items").size();
  }

  private static JsonObject json(byte[] body) {
    return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
  }

  @Test
  default void shouldStoreExecuteToolSpansExportedAsProtobuf() {
    Api.Source source = api().newSource();
    OtlpHttpSpanExporter exporter = GenAiTraces.exporter(api().base().resolve(OTLP_PATH), source.key(), false);

    GenAiTraces.Run run = GenAiTraces.traceAndExport(exporter);

    assertThat(count(source)).isEqualTo(2);
    JsonObject refund = stored(source, run.refundEventId());
    assertThat(refund.getString("type")).isEqualTo("tool.invocation");
    assertThat(refund.getString("occurredAt")).isEqualTo("2026-11-23T08:15:00.123457789Z");
    assertThat(refund.getString("traceId")).isEqualTo(run.traceId());
    assertThat(refund.getJsonObject("agent").getString("id")).isEqualTo(run.agentId());
    assertThat(refund.getJsonObject("agent").getString("session")).isEqualTo(run.conversation());
    assertThat(refund.getJsonObject("agent").getString("task")).isEqualTo(run.agentSpanId());
    assertThat(refund.getJsonObject("action").getString("tool")).isEqualTo("payments.refund");
    assertThat(refund.containsKey("decision")).isFalse();
    JsonObject otel = refund.getJsonObject("attributes").getJsonObject("otel");
    assertThat(otel.getString("toolCallId")).isEqualTo("call_1");
    assertThat(otel.getString("toolType")).isEqualTo("function");
    assertThat(otel.getString("spanName")).isEqualTo("execute_tool payments.refund");
    assertThat(otel.getString("spanKind")).isEqualTo("internal");
    assertThat(otel.getJsonNumber("durationNanos").longValue()).isEqualTo(249_999_000L);
    assertThat(otel.getString("serviceName")).isEqualTo(GenAiTraces.SERVICE);
    JsonObject lookup = stored(source, run.lookupEventId());
    assertThat(lookup.getJsonObject("decision").toString()).isEqualTo("{\"outcome\":\"error\",\"reason\":\"CRM unavailable\"}");
    assertThat(lookup.getJsonObject("attributes").getJsonObject("otel").getString("errorType")).isEqualTo("TimeoutError");
  }

  @Test
  default void shouldStoreExecuteToolSpansExportedAsJsonToTheDefaultPath() {
    Api.Source source = api().newSource();
    OtlpHttpSpanExporter exporter = GenAiTraces.exporter(api().base().resolve("v1/traces"), source.key(), true);

    GenAiTraces.Run run = GenAiTraces.traceAndExport(exporter);

    assertThat(count(source)).isEqualTo(2);
    JsonObject refund = stored(source, run.refundEventId());
    assertThat(refund.getJsonObject("agent").getString("id")).isEqualTo(run.agentId());
    assertThat(refund.getJsonObject("agent").getString("task")).isEqualTo(run.agentSpanId());
    assertThat(refund.getJsonObject("action").getString("tool")).isEqualTo("payments.refund");
    assertThat(refund.getString("occurredAt")).isEqualTo("2026-11-23T08:15:00.123457789Z");
    assertThat(stored(source, run.lookupEventId()).getJsonObject("decision").getString("outcome")).isEqualTo("error");
  }

  @Test
  default void shouldStoreNothingTwiceWhenAnExportIsRetried() {
    Api.Source source = api().newSource();
    GenAiTraces.Collected traced = GenAiTraces.traceAndCollect();
    for (boolean json : new boolean[] {false, true}) {
      OtlpHttpSpanExporter exporter = GenAiTraces.exporter(api().base().resolve(OTLP_PATH), source.key(), json);
      assertThat(exporter.export(traced.spans()).join(60, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(exporter.export(traced.spans()).join(60, TimeUnit.SECONDS).isSuccess()).isTrue();
      exporter.shutdown().join(10, TimeUnit.SECONDS);
    }

    assertThat(count(source)).isEqualTo(2);
    assertThat(stored(source, traced.run().refundEventId()).getJsonObject("action").getString("tool")).isEqualTo("payments.refund");
  }

  @Test
  default void shouldCountIgnoredSpansAndReportRejectedOnesAsPartialSuccess() {
    Api.Source source = api().newSource();
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String export = """
        {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "ops-agent"}}]},
          "scopeSpans": [{"scope": {"name": "hand-made"}, "spans": [
            {"traceId": "%1$s", "spanId": "00f067aa0ba902b7", "name": "GET /health", "kind": 3,
             "startTimeUnixNano": "1795422900000000000", "endTimeUnixNano": "1795422900000500000"},
            {"traceId": "%1$s", "spanId": "00f067aa0ba902b8", "name": "execute_tool shell", "kind": 1,
             "startTimeUnixNano": "1795422900000000000", "endTimeUnixNano": "1795422900000500000",
             "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "execute_tool"}},
                            {"key": "gen_ai.tool.name", "value": {"stringValue": "shell"}}]},
            {"traceId": "%1$s", "spanId": "not-hex", "name": "execute_tool broken", "kind": 1,
             "startTimeUnixNano": "1795422900000000000", "endTimeUnixNano": "1795422900000500000",
             "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "execute_tool"}}]}]}]}]}
        """.formatted(trace);

    HttpResponse<byte[]> reply = api().exchange(OTLP_PATH, Map.of("Authorization", "Bearer " + source.key(),
        "Content-Type", "application/json"), export.getBytes(StandardCharsets.UTF_8));

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(reply.headers().firstValue("AgentTrail-Spans")).hasValue("mapped=1; context=0; ignored=1; rejected=1");
    JsonObject partial = json(reply.body()).getJsonObject("partialSuccess");
    assertThat(partial.getString("rejectedSpans")).isEqualTo("1");
    assertThat(partial.getString("errorMessage")).contains("execute_tool broken").contains("span id must be 8 bytes");
    assertThat(stored(source, trace + ":00f067aa0ba902b8").getJsonObject("agent").getString("id")).isEqualTo("ops-agent");
    assertThat(count(source)).isEqualTo(1);
    assertThat(api().getServer("metrics").body()).contains("agenttrail_otlp_spans_total").contains("outcome=\"ignored\"");
  }

  @Test
  default void shouldAnswerAnUndecodableBodyWithAStatusInTheRequestsEncoding() throws Exception {
    Api.Source source = api().newSource();
    String bearer = "Bearer " + source.key();

    HttpResponse<byte[]> protobuf = api().exchange(OTLP_PATH, Map.of("Authorization", bearer,
        "Content-Type", "application/x-protobuf"), new byte[] {0x0a, (byte) 0xff, 0x01});
    assertThat(protobuf.statusCode()).isEqualTo(400);
    assertThat(protobuf.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
    CodedInputStream status = CodedInputStream.newInstance(protobuf.body());
    assertThat(status.readTag()).isEqualTo(1 << 3);
    assertThat(status.readInt32()).isEqualTo(3);
    assertThat(status.readTag()).isEqualTo(2 << 3 | 2);
    assertThat(status.readString()).contains("ExportTraceServiceRequest");

    HttpResponse<byte[]> json = api().exchange("v1/traces", Map.of("Authorization", bearer, "Content-Type", "application/json"),
        "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8));
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(json(json.body()).getInt("code")).isEqualTo(3);

    HttpResponse<byte[]> text = api().exchange(OTLP_PATH, Map.of("Authorization", bearer, "Content-Type", "text/plain"), new byte[1]);
    assertThat(text.statusCode()).isEqualTo(415);
    HttpResponse<byte[]> anonymous = api().exchange("v1/traces", Map.of("Content-Type", "application/x-protobuf"), new byte[0]);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(count(source)).isZero();
  }
}
