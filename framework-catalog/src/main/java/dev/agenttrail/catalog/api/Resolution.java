package dev.agenttrail.catalog.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "which entry does this identifier mean?". {@link Match#EXACT} means the input is
 * the official id; {@link Match#VARIANT} means a harmless spelling of it (case, separators, leading
 * zeros, a known prefix or edition suffix, a known abbreviation); {@link Match#ALIAS} means an
 * identifier the publisher does not use, resolved through an alias with the given confidence. The
 * note says what was done and, for doubtful aliases, what to check.
 */
public record Resolution(
    String input, FrameworkEntry entry, Match match, Confidence confidence, Optional<String> note) {

  /** How the input matched. */
  public enum Match {
    EXACT,
    VARIANT,
    ALIAS
  }

  public Resolution {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(note, "note");
  }

  public EntryRef ref() {
    return entry.ref();
  }

  public boolean isExact() {
    return match == Match.EXACT;
  }

  public boolean isAlias() {
    return match == Match.ALIAS;
  }
}
