package dev.agenttrail.webapp.infrastructure.persistence;

/** The database failed under the ledger. The message is for the log; clients see a generic 500/503. */
public class LedgerException extends RuntimeException {
  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
