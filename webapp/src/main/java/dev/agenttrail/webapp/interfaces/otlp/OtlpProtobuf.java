package dev.agenttrail.webapp.interfaces.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.agenttrail.domain.intake.OtlpSpan;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The binary OTLP encoding: the generated classes of {@code opentelemetry-proto}, read into {@link OtlpSpan}s. */
final class OtlpProtobuf {

  private OtlpProtobuf() {}

  static List<OtlpSpan> decode(byte[] body) throws InvalidProtocolBufferException {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
    List<OtlpSpan> spans = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, Object> resource = attributes(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        String scope = scopeSpans.getScope().getName();
        for (Span s : scopeSpans.getSpansList()) {
          spans.add(new OtlpSpan(hex(s.getTraceId()), hex(s.getSpanId()), hex(s.getParentSpanId()), s.getName(),
              OtlpSpan.kind(s.getKindValue()), s.getStartTimeUnixNano(), s.getEndTimeUnixNano(),
              attributes(s.getAttributesList()), s.getStatus().getCodeValue(), s.getStatus().getMessage(), resource, scope));
        }
      }
    }
    return spans;
  }

  /** An {@code ExportTraceServiceResponse}; with {@code partial_success} when spans were rejected. */
  static byte[] response(int rejectedSpans, String errorMessage) {
    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
    if (rejectedSpans > 0) {
      response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
          .setRejectedSpans(rejectedSpans).setErrorMessage(errorMessage));
    }
    return response.build().toByteArray();
  }

  /**
   * A {@code google.rpc.Status} (field 1 {@code code}, field 2 {@code message}), written by hand:
   * the message is too small to pull in the common-protos artifact for it.
   */
  static byte[] status(int code, String message) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeInt32(1, code);
      out.writeString(2, message);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> attributes(List<KeyValue> list) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : list) {
      Object value = value(kv.getValue());
      if (value != null) {
        out.put(kv.getKey(), value);
      }
    }
    return out;
  }

  private static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
      case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpProtobuf::value)
          .filter(x -> x != null).toList();
      case KVLIST_VALUE -> Map.copyOf(attributes(v.getKvlistValue().getValuesList()));
      default -> null;
    };
  }

  private static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }
}
