package dev.agenttrail.webapp.interfaces.rest;

/** The kinds of error the API answers with; {@code type} is {@code /problems/<slug>}. */
public enum ProblemType {
  INVALID_EVENTS("invalid-events", 400, "Invalid events"),
  INVALID_REQUEST("invalid-request", 400, "Invalid request"),
  MALFORMED_BODY("malformed-body", 400, "Malformed request body"),
  UNAUTHENTICATED("unauthenticated", 401, "Missing or unknown token"),
  FORBIDDEN("forbidden", 403, "Not allowed"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  CONFLICT("conflict", 409, "Conflict"),
  CASE_EXPIRED("case-expired", 409, "Escalation case expired"),
  CASE_DECIDED("case-decided", 409, "Escalation case already decided"),
  SELF_APPROVAL("self-approval", 403, "Self-approval refused"),
  NOT_AN_APPROVER("not-an-approver", 403, "Not an approver of this level"),
  UNKNOWN_FRAMEWORK("unknown-framework", 404, "Unknown framework"),
  UNKNOWN_ENTRY("unknown-entry", 404, "Unknown framework entry"),
  INVALID_FRAMEWORK_FILE("invalid-framework-file", 400, "Invalid framework file"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  INTERNAL("internal", 500, "Internal error"),
  UNAVAILABLE("unavailable", 503, "Service unavailable");

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public String uri() {
    return "/problems/" + slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
