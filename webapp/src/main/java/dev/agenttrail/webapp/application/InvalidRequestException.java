package dev.agenttrail.webapp.application;

/** A request field is wrong. Answered 400 with the field's JSON pointer. */
public class InvalidRequestException extends RuntimeException {

  private final String pointer;

  public InvalidRequestException(String pointer, String message) {
    super(message);
    this.pointer = pointer;
  }

  public String pointer() {
    return pointer;
  }
}
