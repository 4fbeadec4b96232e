package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedgerVerifier;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/ledger/verify}: recompute the hash chain and say where it breaks. */
@Path("ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

  @Inject
  JdbcLedgerVerifier verifier;

  @GET
  @Path("verify")
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String verify(@QueryParam("from") String from, @QueryParam("to") String to) {
    Long first = seq("from", from);
    Long last = seq("to", to);
    if (first != null && last != null && last < first) {
      throw SourceResource.invalid("/to", "'to' must not be before 'from'");
    }
    JdbcLedgerVerifier.Verification v = verifier.verify(first, last);
    JsonObjectBuilder body = JsonSupport.PROVIDER.createObjectBuilder().add("verified", v.verified()).add("count", v.count());
    if (v.head() != null) {
      body.add("head", v.head());
    }
    if (!v.verified()) {
      body.add("brokenSeq", v.brokenSeq()).add("detail", v.problem());
    }
    return body.build().toString();
  }

  private static Long seq(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long n = Long.parseLong(text.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw SourceResource.invalid("/" + name, "'" + name + "' must be a ledger sequence number, 1 or more");
  }
}
