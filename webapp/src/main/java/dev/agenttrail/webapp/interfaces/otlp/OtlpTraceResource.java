package dev.agenttrail.webapp.interfaces.otlp;

import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.event.EventValidator;
import dev.agenttrail.domain.event.Violation;
import dev.agenttrail.domain.intake.GenAiSpanMapper;
import dev.agenttrail.domain.intake.OtlpSpan;
import dev.agenttrail.webapp.infrastructure.metrics.IngestMetrics;
import dev.agenttrail.webapp.interfaces.rest.Allow;
import dev.agenttrail.webapp.interfaces.rest.EventIntake;
import dev.agenttrail.webapp.interfaces.rest.Problem;
import dev.agenttrail.webapp.interfaces.rest.ProblemType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/ingest/otlp/v1/traces}: OTLP/HTTP trace exports (protobuf or JSON, gzip or not)
 * with the source's ingest key as bearer token, so {@code OTEL_EXPORTER_OTLP_ENDPOINT} can be
 * {@code http://host:8080/api/v1/ingest/otlp}; {@link OtlpDefaultPathServlet} serves the exporters'
 * default {@code /v1/traces} too. GenAI tool spans are stored as {@code tool.invocation} events
 * (idempotent on trace and span id); the reply is an {@code ExportTraceServiceResponse}, with
 * {@code partial_success} naming the spans that could not be stored. An undecodable body is a 400
 * with a {@code google.rpc.Status}; authentication and size are answered as by the rest of the API.
 */
@Path("ingest/otlp/v1/traces")
public class OtlpTraceResource {

  /** A reply header that says what became of the spans: {@code mapped=1; context=1; ignored=2; rejected=0}. */
  static final String SPANS_HEADER = "AgentTrail-Spans";

  private static final int MESSAGES_SHOWN = 10;

  @Inject
  EventIntake intake;

  @Inject
  IngestMetrics metrics;

  @POST
  @Allow(Role.INGEST)
  @Consumes(MediaType.WILDCARD)
  public Response export(InputStream body, @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context SecurityContext security) {
    long started = System.nanoTime();
    OtlpEncoding wire = OtlpEncoding.of(contentType);
    List<OtlpSpan> spans;
    try {
      spans = wire.decode(intake.readBytes(body, encoding));
    } catch (OtlpEncoding.Undecodable e) {
      metrics.rejectedRequest();
      return wire.badRequest(e.getMessage());
    } catch (Problem p) {
      if (p.getResponse().getStatus() == 400) {
        return wire.badRequest(p.getMessage()); // not gzip, cut short: undecodable as well
      }
      throw p;
    }
    GenAiSpanMapper.Result mapped = new GenAiSpanMapper().map(spans);
    List<String> rejected = new ArrayList<>(mapped.rejected());
    List<JsonValue> events = valid(mapped.events(), intake.validator(), rejected);
    if (events.size() > intake.maxEventsPerRequest()) {
      metrics.rejectedRequest();
      throw new Problem(ProblemType.PAYLOAD_TOO_LARGE, "The export holds " + events.size() + " GenAI tool spans; at most "
          + intake.maxEventsPerRequest() + " are accepted per request (lower the exporter's batch size).");
    }
    if (!events.isEmpty()) {
      intake.store(security.getUserPrincipal().getName(), events, started);
    }
    metrics.spans(events.size(), mapped.context(), mapped.ignored(), rejected.size());
    return Response.ok(wire.response(rejected.size(), message(rejected)), wire.mediaType())
        .header(SPANS_HEADER, "mapped=" + events.size() + "; context=" + mapped.context() + "; ignored="
            + mapped.ignored() + "; rejected=" + rejected.size())
        .build();
  }

  /** The events that are valid event-v1; why each other one is not goes to {@code rejected}. */
  private static List<JsonValue> valid(List<JsonObject> events, EventValidator validator, List<String> rejected) {
    List<JsonValue> valid = new ArrayList<>(events.size());
    for (JsonObject event : events) {
      List<Violation> problems = validator.validate(0, event);
      if (problems.isEmpty()) {
        valid.add(event);
      } else {
        Violation first = problems.get(0);
        rejected.add("span " + event.getString("id") + ": " + first.pointer() + " " + first.message());
      }
    }
    return valid;
  }

  private static String message(List<String> rejected) {
    if (rejected.isEmpty()) {
      return "";
    }
    String shown = String.join("; ", rejected.subList(0, Math.min(MESSAGES_SHOWN, rejected.size())));
    return rejected.size() + " span(s) could not be stored: " + shown
        + (rejected.size() > MESSAGES_SHOWN ? "; and " + (rejected.size() - MESSAGES_SHOWN) + " more" : "");
  }
}
