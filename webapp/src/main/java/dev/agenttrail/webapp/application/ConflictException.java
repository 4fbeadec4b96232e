package dev.agenttrail.webapp.application;

/** The request clashes with what exists (a name taken). Answered 409. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
