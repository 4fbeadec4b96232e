package dev.agenttrail.catalog.api;

import java.util.Objects;
import java.util.Optional;

/**
 * How an entry's identifier and wording were checked, as recorded in the reference data: {@code
 * status} is e.g. {@code VERIFIED} or {@code VERIFIED (secondary sources)}, {@code basis} says
 * against what.
 */
public record Verification(String status, Optional<String> basis) {

  public Verification {
    if (status == null || status.isBlank()) {
      throw new IllegalArgumentException("A verification needs a status");
    }
    Objects.requireNonNull(basis, "basis");
  }

  public static Verification of(String status, String basis) {
    return new Verification(status, Optional.ofNullable(basis));
  }
}
