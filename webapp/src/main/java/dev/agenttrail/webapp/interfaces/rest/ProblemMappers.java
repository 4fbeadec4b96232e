package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.escalation.EscalationRefusedException;
import dev.agenttrail.domain.event.Violation;
import dev.agenttrail.webapp.application.ConflictException;
import dev.agenttrail.webapp.application.InvalidRequestException;
import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.infrastructure.persistence.LedgerException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One small mapper per exception family: every error leaves as {@code application/problem+json}. */
final class ProblemMappers {

  private ProblemMappers() {}

  @Provider
  public static class ForProblems implements ExceptionMapper<Problem> {
    @Override
    public Response toResponse(Problem problem) {
      return problem.getResponse();
    }
  }

  /**
   * An exception out of a {@code @Transactional} bean arrives wrapped (Jersey's own mapper for it
   * answers with an HTML page): unwrap it and answer as for the cause.
   */
  @Provider
  public static class ForTransactions implements ExceptionMapper<jakarta.transaction.TransactionalException> {
    @Override
    public Response toResponse(jakarta.transaction.TransactionalException e) {
      return new ForApplication().toResponse(e);
    }
  }

  @Provider
  public static class ForApplication implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(ForApplication.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof NotFoundException) {
        return Problem.toResponse(ProblemType.NOT_FOUND, e.getMessage(), List.of());
      }
      if (e instanceof ConflictException) {
        return Problem.toResponse(ProblemType.CONFLICT, e.getMessage(), List.of());
      }
      if (e instanceof EscalationRefusedException refused) {
        return Problem.toResponse(switch (refused.reason()) {
          case EXPIRED -> ProblemType.CASE_EXPIRED;
          case ALREADY_DECIDED -> ProblemType.CASE_DECIDED;
          case SELF_APPROVAL -> ProblemType.SELF_APPROVAL;
          case NOT_AN_APPROVER -> ProblemType.NOT_AN_APPROVER;
        }, e.getMessage(), List.of());
      }
      if (e instanceof InvalidRequestException ire) {
        return Problem.toResponse(ProblemType.INVALID_REQUEST, e.getMessage(),
            List.of(new Violation(0, ire.pointer(), e.getMessage())));
      }
      if (e instanceof WebApplicationException wae) {
        return forJaxRs(wae);
      }
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
        if (root instanceof NotFoundException || root instanceof ConflictException
            || root instanceof InvalidRequestException || root instanceof EscalationRefusedException) {
          return toResponse((RuntimeException) root);
        }
      }
      if (root instanceof java.sql.SQLException || e instanceof LedgerException) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Database failure; correlation id " + id, e);
        return Problem.toResponse(ProblemType.UNAVAILABLE, "The database did not answer; nothing from this request was stored."
            + " Retry later; quote correlation id " + id + " if it persists.", List.of());
      }
      String id = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Request failed; correlation id " + id, e);
      return Problem.toResponse(ProblemType.INTERNAL,
          "Something went wrong on our side. Quote correlation id " + id + " when you report it.", List.of());
    }

    private static Response forJaxRs(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e instanceof jakarta.ws.rs.NotFoundException || status == 404) {
        return Problem.toResponse(ProblemType.NOT_FOUND, "There is nothing at this address.", List.of());
      }
      if (e instanceof NotAllowedException || status == 405) {
        return Problem.toResponse(ProblemType.METHOD_NOT_ALLOWED, "This address does not take that method.", List.of());
      }
      if (e instanceof NotSupportedException || status == 415) {
        return Problem.toResponse(ProblemType.UNSUPPORTED_MEDIA_TYPE,
            "Send application/json (or application/x-ndjson where events are accepted).", List.of());
      }
      if (status == 406) {
        return Problem.toResponse(ProblemType.INVALID_REQUEST, "This address answers application/json only.", List.of());
      }
      if (status >= 400 && status < 500) {
        return Problem.toResponse(ProblemType.INVALID_REQUEST, "The request could not be understood.", List.of());
      }
      return Problem.toResponse(ProblemType.INTERNAL, "Something went wrong on our side.", List.of());
    }
  }
}
