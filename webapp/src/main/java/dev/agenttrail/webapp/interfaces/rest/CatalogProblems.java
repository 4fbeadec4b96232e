package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.catalog.api.AmbiguousIdentifierException;
import dev.agenttrail.catalog.api.CatalogLookupException;
import dev.agenttrail.catalog.api.CatalogProblem;
import dev.agenttrail.catalog.api.CatalogValidationException;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.UnknownEntryException;
import dev.agenttrail.catalog.api.UnknownFrameworkException;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * RFC 9457 answers for the catalog's exceptions: unknown frameworks and entries (404, the detail
 * naming the closest entries), and invalid framework files (400, one error per problem with its
 * JSON Pointer, line and column).
 */
final class CatalogProblems {

  private CatalogProblems() {}

  /** An unknown entry or framework, or an identifier that needs its framework named. */
  static JsonObject lookup(CatalogLookupException e) {
    if (e instanceof UnknownEntryException unknown) {
      JsonArrayBuilder closest = JsonSupport.PROVIDER.createArrayBuilder();
      unknown.closest().stream().map(EntryRef::asString).forEach(closest::add);
      return body(ProblemType.UNKNOWN_ENTRY, e.getMessage() + ".").add("closest", closest).build();
    }
    if (e instanceof UnknownFrameworkException) {
      return body(ProblemType.UNKNOWN_FRAMEWORK, e.getMessage() + ".").build();
    }
    if (e instanceof AmbiguousIdentifierException ambiguous) {
      JsonArrayBuilder candidates = JsonSupport.PROVIDER.createArrayBuilder();
      ambiguous.candidates().forEach(c -> candidates.add(c.ref().asString()));
      return body(ProblemType.INVALID_REQUEST, e.getMessage() + ".")
          .add("candidates", candidates)
          .build();
    }
    return body(ProblemType.NOT_FOUND, e.getMessage() + ".").build();
  }

  /** Every problem of the file as {@code {index, pointer, line, column, message}}. */
  static JsonObject invalidFile(List<CatalogProblem> problems) {
    JsonArrayBuilder errors = JsonSupport.PROVIDER.createArrayBuilder();
    for (CatalogProblem p : problems) {
      JsonObjectBuilder error =
          JsonSupport.PROVIDER.createObjectBuilder().add("index", 0).add("pointer", p.pointer());
      if (p.line() > 0) {
        error.add("line", p.line()).add("column", p.column());
      } else {
        error.addNull("line").addNull("column");
      }
      errors.add(error.add("message", p.message()));
    }
    String file = problems.isEmpty() ? "the file" : "'" + problems.get(0).file() + "'";
    String detail =
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in framework file "
            + file
            + "; nothing was stored.";
    return body(ProblemType.INVALID_FRAMEWORK_FILE, detail).add("errors", errors).build();
  }

  private static JsonObjectBuilder body(ProblemType type, String detail) {
    return JsonSupport.PROVIDER
        .createObjectBuilder()
        .add("type", type.uri())
        .add("title", type.title())
        .add("status", type.status())
        .add("detail", detail);
  }

  private static Response response(JsonObject body) {
    return Response.status(body.getInt("status"))
        .type(Problem.MEDIA_TYPE)
        .entity(body.toString())
        .build();
  }

  @Provider
  public static class ForLookups implements ExceptionMapper<CatalogLookupException> {
    @Override
    public Response toResponse(CatalogLookupException e) {
      return response(lookup(e));
    }
  }

  @Provider
  public static class ForInvalidFiles implements ExceptionMapper<CatalogValidationException> {
    @Override
    public Response toResponse(CatalogValidationException e) {
      return response(invalidFile(e.problems()));
    }
  }
}
