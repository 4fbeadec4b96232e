package dev.agenttrail.domain.intake;

import java.util.Map;

/**
 * One span of an OTLP trace export, whichever encoding it came in (protobuf or JSON): the internal
 * model the GenAI mapping reads. Ids are lower-case hex as received (empty when absent); the mapper,
 * not the decoders, decides whether they are valid. Attribute values are {@code String},
 * {@code Boolean}, {@code Long}, {@code Double}, {@code List} or {@code Map} of those; bytes arrive
 * base64-encoded as a {@code String}.
 *
 * @param kind {@code unspecified}, {@code internal}, {@code server}, {@code client}, {@code producer}
 *     or {@code consumer}
 * @param statusCode 0 unset, 1 ok, 2 error (OTLP's {@code Status.StatusCode})
 * @param resource the attributes of the span's resource ({@code service.name} and the like)
 * @param scope the instrumentation scope's name, empty when none
 */
public record OtlpSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
    long startNanos, long endNanos, Map<String, Object> attributes, int statusCode, String statusMessage,
    Map<String, Object> resource, String scope) {

  public static final int STATUS_ERROR = 2;

  /** The span kinds in OTLP's enum order ({@code SPAN_KIND_UNSPECIFIED} is 0). */
  public static final java.util.List<String> KINDS =
      java.util.List.of("unspecified", "internal", "server", "client", "producer", "consumer");

  public OtlpSpan {
    attributes = Map.copyOf(attributes);
    resource = Map.copyOf(resource);
  }

  /** The attribute as text, when it is a non-blank string (or a number or boolean, as written). */
  public String text(String key) {
    return text(attributes.get(key));
  }

  /** The resource attribute as text, like {@link #text(String)}. */
  public String resourceText(String key) {
    return text(resource.get(key));
  }

  /** The span kind's name for OTLP's enum number; {@code unspecified} for unknown numbers. */
  public static String kind(int number) {
    return number >= 0 && number < KINDS.size() ? KINDS.get(number) : KINDS.get(0);
  }

  private static String text(Object value) {
    if (value instanceof String s) {
      return s.isBlank() ? null : s;
    }
    if (value instanceof Long || value instanceof Boolean || value instanceof Double) {
      return value.toString();
    }
    return null;
  }
}
