package dev.agenttrail.catalog.api;

import java.util.Locale;
import java.util.Optional;

/** How sure a resolution is that an identifier means the entry it resolved to. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  /** The lower-case spelling used in files and APIs. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the lower-case spelling; empty if the text names no confidence. */
  public static Optional<Confidence> fromJsonName(String text) {
    for (Confidence value : values()) {
      if (value.jsonName().equals(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
