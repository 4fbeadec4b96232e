package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.catalog.api.AmbiguousIdentifierException;
import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.Resolution;
import dev.agenttrail.webapp.application.CatalogService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/catalog/resolve?q=}: what an identifier means, over every framework (the search
 * box). {@code q} is an official id, a variant, an alias, {@code FRAMEWORK:IDENTIFIER} or a full
 * {@code FRAMEWORK@VERSION:ENTRY}. Nothing matching is a 404 naming the closest entries.
 */
@Path("catalog")
@Produces(MediaType.APPLICATION_JSON)
@Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
public class CatalogResource {

  static final int MAX_QUERY_LENGTH = 200;

  @Inject
  CatalogService catalog;

  @GET
  @Path("resolve")
  public String resolve(@QueryParam("q") String q) {
    if (q == null || q.isBlank() || q.length() > MAX_QUERY_LENGTH) {
      throw SourceResource.invalid(
          "/q", "'q' is required: the identifier to resolve, at most " + MAX_QUERY_LENGTH
              + " characters");
    }
    String input = q.strip();
    Catalog current = catalog.current().catalog();
    List<Resolution> matches = current.search(input);
    Optional<Resolution> best;
    try {
      best = Optional.of(current.resolve(input)); // no match: 404 naming the closest entries
    } catch (AmbiguousIdentifierException e) {
      best = Optional.empty();
    }
    return CatalogJson.resolve(input, best, matches).toString();
  }
}
