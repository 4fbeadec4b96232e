package dev.agenttrail.webapp.application;

/** The thing a request names does not exist. Answered 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
