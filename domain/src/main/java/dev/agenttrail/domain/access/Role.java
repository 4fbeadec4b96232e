package dev.agenttrail.domain.access;

/** What a user may do. {@code AUDITOR} reads everything and changes nothing. */
public enum Role {
  ADMIN,
  ANALYST,
  APPROVER,
  AUDITOR;

  /** The role an ingest key carries: it may ingest events for its own source, nothing else. */
  public static final String INGEST = "INGEST";
}
