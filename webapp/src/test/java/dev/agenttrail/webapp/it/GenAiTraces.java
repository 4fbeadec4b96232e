package dev.agenttrail.webapp.it;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An AI agent's run traced with the OpenTelemetry Java SDK as the GenAI semantic conventions
 * describe it: an {@code invoke_agent} span with two {@code execute_tool} children (the second
 * fails) and an unrelated HTTP span, exported over OTLP/HTTP with the SDK's own exporter.
 */
final class GenAiTraces {

  static final Instant START = Instant.parse("2026-11-23T08:15:00.123456789Z");
  static final String SERVICE = "billing-service";

  /** The ids and names of one traced run, to find its events again. */
  record Run(String traceId, String agentSpanId, String refundSpanId, String lookupSpanId, String agentId, String conversation) {
    String refundEventId() {
      return traceId + ":" + refundSpanId;
    }

    String lookupEventId() {
      return traceId + ":" + lookupSpanId;
    }
  }

  private GenAiTraces() {}

  /**
   * The exporter an application configures for AgentTrail. Java's SDK 1.67.0 has no public switch
   * to the JSON encoding (javap shows none on {@code OtlpHttpSpanExporterBuilder}); its internal
   * {@code HttpExporterBuilder.exportAsJson()} is the one the SDK's own http/json support uses.
   */
  static OtlpHttpSpanExporter exporter(URI endpoint, String ingestKey, boolean json) {
    OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString())
        .addHeader("Authorization", "Bearer " + ingestKey).setCompression("gzip").setTimeout(Duration.ofSeconds(60));
    if (json) {
      try {
        Field delegate = OtlpHttpSpanExporterBuilder.class.getDeclaredField("delegate");
        delegate.setAccessible(true);
        ((HttpExporterBuilder) delegate.get(builder)).exportAsJson();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("this SDK version keeps its JSON switch elsewhere", e);
      }
    }
    return builder.build();
  }

  /** Traces a run through a batch span processor into {@code exporter} and flushes it: one export. */
  static Run traceAndExport(SpanExporter exporter) {
    SdkTracerProvider provider = provider(BatchSpanProcessor.builder(exporter).build());
    try {
      Run run = trace(provider.get("agent-sdk"));
      CompletableResultCode flushed = provider.forceFlush().join(60, TimeUnit.SECONDS);
      if (!flushed.isSuccess()) {
        throw new IllegalStateException("the OTLP export failed");
      }
      return run;
    } finally {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  /** A traced run and its finished spans, exported nowhere yet. */
  record Collected(Run run, List<SpanData> spans) {}

  static Collected traceAndCollect() {
    List<SpanData> finished = new ArrayList<>();
    SpanExporter collector = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        finished.addAll(spans);
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    SdkTracerProvider provider = provider(SimpleSpanProcessor.create(collector));
    Run run = trace(provider.get("agent-sdk"));
    provider.shutdown().join(10, TimeUnit.SECONDS);
    return new Collected(run, List.copyOf(finished));
  }

  private static SdkTracerProvider provider(SpanProcessor processor) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), SERVICE)));
    return SdkTracerProvider.builder().setResource(resource).addSpanProcessor(processor).build();
  }

  private static Run trace(Tracer tracer) {
    String agentId = "spiffe://acme.example/agents/billing-" + Long.toHexString(System.nanoTime());
    String conversation = "conv-" + Long.toHexString(System.nanoTime());
    Span agent = tracer.spanBuilder("invoke_agent billing").setSpanKind(SpanKind.INTERNAL).setStartTimestamp(START)
        .setAttribute("gen_ai.operation.name", "invoke_agent").setAttribute("gen_ai.agent.id", agentId)
        .setAttribute("gen_ai.agent.name", "billing").setAttribute("gen_ai.conversation.id", conversation)
        .setAttribute("gen_ai.provider.name", "openai").startSpan();
    Context inAgent = Context.root().with(agent);
    Span refund = tool(tracer, inAgent, "payments.refund", "call_1", START.plusNanos(1_000));
    refund.end(START.plusMillis(250));
    Span lookup = tool(tracer, inAgent, "crm.lookup", "call_2", START.plusMillis(300));
    lookup.setStatus(StatusCode.ERROR, "CRM unavailable");
    lookup.setAttribute("error.type", "TimeoutError");
    lookup.end(START.plusMillis(400));
    Span http = tracer.spanBuilder("GET /customers/42").setParent(inAgent).setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET").setStartTimestamp(START.plusMillis(310)).startSpan();
    http.end(START.plusMillis(390));
    agent.end(START.plusMillis(500));
    return new Run(agent.getSpanContext().getTraceId(), agent.getSpanContext().getSpanId(), refund.getSpanContext().getSpanId(),
        lookup.getSpanContext().getSpanId(), agentId, conversation);
  }

  private static Span tool(Tracer tracer, Context parent, String name, String callId, Instant start) {
    return tracer.spanBuilder("execute_tool " + name).setParent(parent).setSpanKind(SpanKind.INTERNAL).setStartTimestamp(start)
        .setAttribute("gen_ai.operation.name", "execute_tool").setAttribute("gen_ai.tool.name", name)
        .setAttribute("gen_ai.tool.call.id", callId).setAttribute("gen_ai.tool.type", "function").startSpan();
  }
}
