package dev.agenttrail.catalog.api;

/** Identifies a runtime-control failure signal, e.g. {@code UNDECLARED_TOOL}. */
public record SignalId(String value) implements MappingEnd {

  public SignalId {
    if (!IdSyntax.isSignalId(value)) {
      throw new IllegalArgumentException("Invalid signal id: '" + value + "'");
    }
  }

  public static SignalId of(String value) {
    return new SignalId(value);
  }

  @Override
  public String asString() {
    return "signal:" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
