package dev.agenttrail.webapp.infrastructure.outbox;

/** The database failed under the outbox. The message is for the log. */
public class OutboxException extends RuntimeException {
  public OutboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
