package dev.agenttrail.webapp.interfaces.rest;

import static dev.agenttrail.domain.shared.JsonSupport.PROVIDER;

import dev.agenttrail.webapp.application.ConflictException;
import dev.agenttrail.webapp.infrastructure.detection.DetectionRunner;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/detection}: where detection stands, and replaying it from the first ledger entry. */
@Path("detection")
@Produces(MediaType.APPLICATION_JSON)
public class DetectionResource {

  @Inject
  DetectionRunner runner;

  @GET
    @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String progress() {
    DetectionRunner.Progress p = runner.progress();
    return PROVIDER.createObjectBuilder().add("processedSeq", p.processedSeq()).add("ledgerSeq", p.ledgerSeq())
        .add("behind", p.ledgerSeq() - p.processedSeq()).add("updatedAt", p.updatedAt().toString()).build().toString();
  }

  /** Runs detection again over the whole ledger: the same events give the same incidents. */
  @POST
  @Path("replay")
  @Allow("ADMIN")
  public Response replay() {
    if (!runner.replay()) {
      throw new ConflictException("Another AgentTrail instance is running detection; try again in a moment.");
    }
    return Response.accepted(progress()).build();
  }

}
