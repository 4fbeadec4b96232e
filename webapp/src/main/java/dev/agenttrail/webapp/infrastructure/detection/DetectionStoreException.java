package dev.agenttrail.webapp.infrastructure.detection;

/** Detection's tables could not be read or written; the batch rolls back and is retried. */
public class DetectionStoreException extends RuntimeException {

  public DetectionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
