package dev.agenttrail.catalog.api;

/** Identifies a control of the control library, e.g. {@code CTRL-01}. */
public record ControlId(String value) implements MappingEnd {

  public ControlId {
    if (!IdSyntax.isControlId(value)) {
      throw new IllegalArgumentException("Invalid control id: '" + value + "'");
    }
  }

  public static ControlId of(String value) {
    return new ControlId(value);
  }

  @Override
  public String asString() {
    return "control:" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
