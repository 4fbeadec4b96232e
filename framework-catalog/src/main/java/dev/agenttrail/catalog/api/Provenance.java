package dev.agenttrail.catalog.api;

import java.util.Locale;
import java.util.Optional;

/** Where a mapping comes from. Files and APIs spell it in lower case. */
public enum Provenance {
  /** Published by the framework owners (e.g. an OWASP crosswalk); always carries its source. */
  PUBLISHED,
  /** The product's own judgement, with a one-line rationale. */
  PRODUCT,
  /** Added by a user of the product. */
  MANUAL;

  /** The lower-case spelling used in files and APIs. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the lower-case spelling; empty if the text names no provenance. */
  public static Optional<Provenance> fromJsonName(String text) {
    for (Provenance value : values()) {
      if (value.jsonName().equals(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
