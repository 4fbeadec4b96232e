package dev.agenttrail.catalog.api;

import java.util.Objects;

/**
 * A literal identifier that is not the publisher's but is known to mean an entry, e.g. {@code CSA
 * MAESTRO M1} for layer {@code L1}. Matching ignores case and repeated white space. The note is
 * shown to the user with every resolution through the alias.
 */
public record Alias(String alias, String entryId, Confidence confidence, String note) {

  public Alias {
    if (alias == null || alias.isBlank()) {
      throw new IllegalArgumentException("An alias needs its text");
    }
    if (!IdSyntax.isEntryId(entryId)) {
      throw new IllegalArgumentException("Invalid entry id for alias '" + alias + "': " + entryId);
    }
    Objects.requireNonNull(confidence, "confidence");
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("Alias '" + alias + "' needs a note");
    }
  }
}
