package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.domain.event.Violation;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem to answer with; thrown from resources and turned into a response as it is. */
public class Problem extends WebApplicationException {

  public static final String MEDIA_TYPE = "application/problem+json";

  private final ProblemType type;
  private final String detail;
  private final List<Violation> errors;

  public Problem(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public Problem(ProblemType type, String detail, List<Violation> errors) {
    super(detail, type.status());
    this.type = type;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  @Override
  public Response getResponse() {
    return toResponse(type, detail, errors);
  }

  public static Response toResponse(ProblemType type, String detail, List<Violation> errors) {
    JsonObjectBuilder body = JsonSupport.PROVIDER.createObjectBuilder()
        .add("type", type.uri())
        .add("title", type.title())
        .add("status", type.status())
        .add("detail", detail);
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = JsonSupport.PROVIDER.createArrayBuilder();
      for (Violation v : errors) {
        list.add(JsonSupport.PROVIDER.createObjectBuilder().add("index", v.index()).add("pointer", v.pointer()).add("message", v.message()));
      }
      body.add("errors", list);
    }
    Response.ResponseBuilder r = Response.status(type.status()).type(MEDIA_TYPE).entity(body.build().toString());
    if (type == ProblemType.UNAUTHENTICATED) {
      r.header("WWW-Authenticate", "Bearer realm=\"agenttrail\"");
    }
    return r.build();
  }
}
