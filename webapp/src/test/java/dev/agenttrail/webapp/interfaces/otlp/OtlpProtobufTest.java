package dev.agenttrail.webapp.interfaces.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import dev.agenttrail.domain.intake.GenAiSpanMapper;
import dev.agenttrail.domain.intake.OtlpSpan;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpProtobufTest {

  static final String TRACE = "5b8efff798038103d269b633813fc60c";

  static KeyValue text(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static byte[] export() {
    Span agent = Span.newBuilder().setTraceId(id(TRACE)).setSpanId(id("eee19b7ec3c1b174")).setName("invoke_agent billing")
        .setKind(Span.SpanKind.SPAN_KIND_INTERNAL).setStartTimeUnixNano(1_795_422_900_000_000_000L)
        .setEndTimeUnixNano(1_795_422_901_000_000_000L)
        .addAttributes(text("gen_ai.operation.name", "invoke_agent")).addAttributes(text("gen_ai.agent.name", "billing"))
        .build();
    Span tool = Span.newBuilder().setTraceId(id(TRACE)).setSpanId(id("eee19b7ec3c1b175")).setParentSpanId(id("eee19b7ec3c1b174"))
        .setName("execute_tool payments.refund").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(1_795_422_900_123_456_789L).setEndTimeUnixNano(1_795_422_900_223_456_789L)
        .addAttributes(text("gen_ai.operation.name", "execute_tool")).addAttributes(text("gen_ai.tool.name", "payments.refund"))
        .addAttributes(KeyValue.newBuilder().setKey("retries").setValue(AnyValue.newBuilder().setIntValue(2)))
        .addAttributes(KeyValue.newBuilder().setKey("tags").setValue(AnyValue.newBuilder().setArrayValue(
            ArrayValue.newBuilder().addValues(AnyValue.newBuilder().setBoolValue(true)))))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("card declined"))
        .build();
    Span badIds = Span.newBuilder().setTraceId(id(TRACE)).setSpanId(ByteString.copyFrom(new byte[3]))
        .setName("execute_tool x").addAttributes(text("gen_ai.operation.name", "execute_tool")).setStartTimeUnixNano(1).build();
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
            .setResource(Resource.newBuilder().addAttributes(text("service.name", "billing-service")))
            .addScopeSpans(ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("agent-sdk"))
                .addSpans(agent).addSpans(tool).addSpans(badIds)))
        .build().toByteArray();
  }

  @Test
  void shouldDecodeIntoTheSameSpanModelAsJson() throws Exception {
    List<OtlpSpan> spans = OtlpProtobuf.decode(export());

    assertThat(spans).hasSize(3);
    OtlpSpan tool = spans.get(1);
    assertThat(tool.traceId()).isEqualTo(TRACE);
    assertThat(tool.spanId()).isEqualTo("eee19b7ec3c1b175");
    assertThat(tool.parentSpanId()).isEqualTo("eee19b7ec3c1b174");
    assertThat(tool.kind()).isEqualTo("client");
    assertThat(tool.startNanos()).isEqualTo(1_795_422_900_123_456_789L);
    assertThat(tool.statusCode()).isEqualTo(OtlpSpan.STATUS_ERROR);
    assertThat(tool.attributes()).containsEntry("retries", 2L).containsEntry("tags", List.of(true));
    assertThat(tool.resource()).containsEntry("service.name", "billing-service");
    assertThat(tool.scope()).isEqualTo("agent-sdk");
    assertThat(spans.get(0).parentSpanId()).isEmpty();

    GenAiSpanMapper.Result result = new GenAiSpanMapper().map(spans);
    assertThat(result.events()).singleElement().satisfies(e -> {
      assertThat(e.getString("id")).isEqualTo(TRACE + ":eee19b7ec3c1b175");
      assertThat(e.getJsonObject("agent").getString("id")).isEqualTo("billing");
      assertThat(e.getJsonObject("decision").getString("reason")).isEqualTo("card declined");
    });
    assertThat(result.rejected()).singleElement().asString().contains("span 000000");
  }

  @Test
  void shouldAnswerInTheRequestsEncoding() throws Exception {
    assertThat(ExportTraceServiceResponse.parseFrom(OtlpEncoding.PROTOBUF.response(0, "")).hasPartialSuccess()).isFalse();
    ExportTraceServiceResponse partial = ExportTraceServiceResponse.parseFrom(OtlpEncoding.PROTOBUF.response(2, "bad ids"));
    assertThat(partial.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
    assertThat(partial.getPartialSuccess().getErrorMessage()).isEqualTo("bad ids");
    assertThat(new String(OtlpEncoding.JSON.response(0, ""), "UTF-8")).isEqualTo("{}");
    assertThat(new String(OtlpEncoding.JSON.response(2, "bad ids"), "UTF-8"))
        .isEqualTo("{\"partialSuccess\":{\"rejectedSpans\":\"2\",\"errorMessage\":\"bad ids\"}}");
    assertThat(new String(OtlpEncoding.JSON.status(3, "not JSON"), "UTF-8")).isEqualTo("{\"code\":3,\"message\":\"not JSON\"}");

    CodedInputStream status = CodedInputStream.newInstance(OtlpEncoding.PROTOBUF.status(3, "not protobuf"));
    assertThat(status.readTag()).isEqualTo(1 << 3);
    assertThat(status.readInt32()).isEqualTo(3);
    assertThat(status.readTag()).isEqualTo(2 << 3 | 2);
    assertThat(status.readString()).isEqualTo("not protobuf");
  }

  @Test
  void shouldRefuseBytesThatAreNoExportRequest() {
    assertThatThrownBy(() -> OtlpEncoding.PROTOBUF.decode(new byte[] {0x0a, (byte) 0xff}))
        .isInstanceOf(OtlpEncoding.Undecodable.class).hasMessageContaining("not a protobuf-encoded ExportTraceServiceRequest");
    assertThatThrownBy(() -> OtlpEncoding.JSON.decode("{\"resourceSpans\": 1}".getBytes()))
        .isInstanceOf(OtlpEncoding.Undecodable.class).hasMessageContaining("resourceSpans must be an array");
    assertThatThrownBy(() -> OtlpEncoding.JSON.decode("not json".getBytes()))
        .isInstanceOf(OtlpEncoding.Undecodable.class).hasMessageContaining("not valid JSON");
    assertThat(OtlpEncoding.of("application/x-protobuf")).isEqualTo(OtlpEncoding.PROTOBUF);
    assertThat(OtlpEncoding.of("application/json; charset=utf-8")).isEqualTo(OtlpEncoding.JSON);
  }
}
