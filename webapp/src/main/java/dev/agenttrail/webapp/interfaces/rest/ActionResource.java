package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.infrastructure.detection.ActionTraces;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/actions/{source}/{id}/trace}: explain one action. */
@Path("actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

  @Inject
  ActionTraces traces;

  @GET
  @Path("{source}/{id}/trace")
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String trace(@PathParam("source") String source, @PathParam("id") String id) {
    return traces.trace(source, id)
        .orElseThrow(() -> new NotFoundException("There is no event '" + id + "' from source '" + source + "'."))
        .toString();
  }
}
