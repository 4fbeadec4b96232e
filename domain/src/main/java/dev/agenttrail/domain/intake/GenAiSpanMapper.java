package dev.agenttrail.domain.intake;

import dev.agenttrail.domain.event.EventSchemaLimits;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the spans of one OTLP trace export to events, following the OpenTelemetry GenAI semantic
 * conventions.
 *
 * <p>A span whose {@code gen_ai.operation.name} is {@code execute_tool} becomes a
 * {@code tool.invocation} event with id {@code <traceId>:<spanId>} (the producer's own ids, so a
 * retried export is stored once) and the start time as {@code occurredAt}, nanoseconds kept. The
 * tool is {@code gen_ai.tool.name}; the agent is {@code gen_ai.agent.id} (else
 * {@code gen_ai.agent.name}) of the span or of its nearest {@code invoke_agent} ancestor in the
 * export, else the resource's {@code service.name}; the session is {@code gen_ai.conversation.id};
 * the task is an {@code agenttrail.task} attribute, else the enclosing {@code invoke_agent} span's
 * id. A span with status ERROR carries {@code decision: {"outcome": "error"}} with the status
 * message as reason. {@code invoke_agent} spans give context only, every other span is ignored;
 * both are counted. A tool span with invalid ids or no start time is rejected with a reason.
 */
public final class GenAiSpanMapper {

  /** The agent id of a tool span for which neither the span, its agent nor its resource names one. */
  public static final String UNMAPPED_AGENT = "otel:unmapped-agent";

  static final String OPERATION = "gen_ai.operation.name";
  static final String EXECUTE_TOOL = "execute_tool";
  static final String INVOKE_AGENT = "invoke_agent";

  private static final Pattern TRACE_ID = Pattern.compile("^[0-9a-f]{32}$");
  private static final Pattern SPAN_ID = Pattern.compile("^[0-9a-f]{16}$");
  private static final Pattern ZEROS = Pattern.compile("^0+$");

  /**
   * What one export gave.
   *
   * @param events the {@code tool.invocation} events, in span order
   * @param context {@code invoke_agent} spans read for context
   * @param ignored spans that are not GenAI tool or agent spans
   * @param rejected why each rejected tool span could not be mapped
   */
  public record Result(List<JsonObject> events, int context, int ignored, List<String> rejected) {}

  public Result map(List<OtlpSpan> spans) {
    Map<String, OtlpSpan> byId = new HashMap<>();
    for (OtlpSpan s : spans) {
      byId.put(s.traceId() + ":" + s.spanId(), s);
    }
    List<JsonObject> events = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    int context = 0;
    int ignored = 0;
    for (OtlpSpan span : spans) {
      String operation = span.text(OPERATION);
      if (EXECUTE_TOOL.equals(operation)) {
        String problem = problem(span);
        if (problem == null) {
          events.add(toolInvocation(span, ancestors(span, byId)));
        } else {
          rejected.add("span '" + span.name() + "' (trace " + show(span.traceId()) + ", span " + show(span.spanId())
              + "): " + problem);
        }
      } else if (INVOKE_AGENT.equals(operation)) {
        context++;
      } else {
        ignored++;
      }
    }
    return new Result(List.copyOf(events), context, ignored, List.copyOf(rejected));
  }

  private static String problem(OtlpSpan span) {
    if (!TRACE_ID.matcher(span.traceId()).matches() || ZEROS.matcher(span.traceId()).matches()) {
      return "the trace id must be 16 bytes (32 hex digits), not all zero";
    }
    if (!SPAN_ID.matcher(span.spanId()).matches() || ZEROS.matcher(span.spanId()).matches()) {
      return "the span id must be 8 bytes (16 hex digits), not all zero";
    }
    if (span.startNanos() <= 0) {
      return "the span has no start time";
    }
    return null;
  }

  /** The span's ancestors in this export, nearest first (the chain stops at the first missing parent). */
  private static List<OtlpSpan> ancestors(OtlpSpan span, Map<String, OtlpSpan> byId) {
    List<OtlpSpan> out = new ArrayList<>();
    OtlpSpan at = span;
    while (!at.parentSpanId().isEmpty() && out.size() < byId.size()) {
      OtlpSpan parent = byId.get(at.traceId() + ":" + at.parentSpanId());
      if (parent == null) {
        break;
      }
      out.add(parent);
      at = parent;
    }
    return out;
  }

  private static JsonObject toolInvocation(OtlpSpan span, List<OtlpSpan> ancestors) {
    OtlpSpan agentSpan = ancestors.stream().filter(a -> INVOKE_AGENT.equals(a.text(OPERATION))).findFirst().orElse(null);
    List<String> unmapped = new ArrayList<>();
    JsonObjectBuilder event = JsonSupport.PROVIDER.createObjectBuilder()
        .add("id", span.traceId() + ":" + span.spanId())
        .add("occurredAt", timestamp(span.startNanos()))
        .add("type", "tool.invocation")
        .add("agent", agent(span, ancestors, agentSpan, unmapped));
    String tool = tool(span);
    if (tool != null) {
      event.add("action", JsonSupport.PROVIDER.createObjectBuilder().add("tool", EventSchemaLimits.clip(tool, 256)));
    }
    if (span.statusCode() == OtlpSpan.STATUS_ERROR) {
      JsonObjectBuilder decision = JsonSupport.PROVIDER.createObjectBuilder().add("outcome", "error");
      String reason = span.statusMessage().isBlank() ? span.text("error.type") : span.statusMessage();
      if (reason != null) {
        decision.add("reason", EventSchemaLimits.clip(reason, 2048));
      }
      event.add("decision", decision);
    }
    event.add("traceId", span.traceId());
    return event.add("attributes", attributes(span, agentSpan, unmapped)).build();
  }

  private static JsonObject agent(OtlpSpan span, List<OtlpSpan> ancestors, OtlpSpan agentSpan, List<String> unmapped) {
    String id = firstOf(span, agentSpan, "gen_ai.agent.id");
    if (id == null) {
      id = firstOf(span, agentSpan, "gen_ai.agent.name");
    }
    if (id == null) {
      id = span.resourceText("service.name");
    }
    if (id == null) {
      unmapped.add("agentId");
      id = UNMAPPED_AGENT;
    }
    JsonObjectBuilder agent = JsonSupport.PROVIDER.createObjectBuilder().add("id", id);
    String session = nearest(span, ancestors, "gen_ai.conversation.id");
    if (session != null) {
      agent.add("session", session);
    }
    String task = nearest(span, ancestors, "agenttrail.task");
    if (task == null && agentSpan != null) {
      task = agentSpan.spanId();
    }
    if (task != null) {
      agent.add("task", task);
    }
    return agent.build();
  }

  private static String tool(OtlpSpan span) {
    String tool = span.text("gen_ai.tool.name");
    if (tool == null && span.name().startsWith(EXECUTE_TOOL + " ") && !span.name().substring(13).isBlank()) {
      tool = span.name().substring(13).trim(); // the convention's span name is "execute_tool {gen_ai.tool.name}"
    }
    return tool;
  }

  private static JsonObject attributes(OtlpSpan span, OtlpSpan agentSpan, List<String> unmapped) {
    JsonObjectBuilder otel = JsonSupport.PROVIDER.createObjectBuilder()
        .add("spanName", span.name())
        .add("spanKind", span.kind())
        .add("durationNanos", Math.max(0, span.endNanos() - span.startNanos()));
    if (!span.parentSpanId().isEmpty()) {
      otel.add("parentSpanId", span.parentSpanId());
    }
    putText(otel, "toolCallId", span.text("gen_ai.tool.call.id"));
    putText(otel, "toolType", span.text("gen_ai.tool.type"));
    putText(otel, "agentName", firstOf(span, agentSpan, "gen_ai.agent.name"));
    putText(otel, "serviceName", span.resourceText("service.name"));
    if (!span.scope().isEmpty()) {
      otel.add("scope", span.scope());
    }
    if (span.statusCode() == OtlpSpan.STATUS_ERROR) {
      putText(otel, "errorType", span.text("error.type"));
    }
    JsonObjectBuilder attributes = JsonSupport.PROVIDER.createObjectBuilder().add("otel", otel);
    if (!unmapped.isEmpty()) {
      var missing = JsonSupport.PROVIDER.createArrayBuilder();
      unmapped.forEach(missing::add);
      attributes.add("agenttrail", JsonSupport.PROVIDER.createObjectBuilder().add("unmapped", missing));
    }
    return attributes.build();
  }

  private static String firstOf(OtlpSpan span, OtlpSpan agentSpan, String key) {
    String value = span.text(key);
    return value != null || agentSpan == null ? value : agentSpan.text(key);
  }

  private static String nearest(OtlpSpan span, List<OtlpSpan> ancestors, String key) {
    String value = span.text(key);
    for (int i = 0; value == null && i < ancestors.size(); i++) {
      value = ancestors.get(i).text(key);
    }
    return value;
  }

  private static void putText(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  /** RFC 3339 in UTC with the span's nanoseconds, e.g. {@code 2026-11-23T08:15:00.123456789Z}. */
  static String timestamp(long unixNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(unixNanos, 1_000_000_000L), Math.floorMod(unixNanos, 1_000_000_000L)).toString();
  }

  private static String show(String id) {
    return id.isEmpty() ? "(none)" : EventSchemaLimits.clip(id, 40);
  }
}
