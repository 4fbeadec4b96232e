package dev.agenttrail.catalog.api;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A family of identifiers that stand for an entry, e.g. NIST AI 600-1 action ids such as {@code
 * GV-1.1-001} for the subcategory they sit under. {@code regex} is matched case-insensitively
 * against the whole input; {@code replacement} (with {@code $1}-style groups) gives an identifier
 * that is then resolved exactly or as a harmless variant.
 */
public record AliasPattern(String regex, String replacement, Confidence confidence, String note) {

  public AliasPattern {
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(confidence, "confidence");
    compile(regex);
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("Alias pattern '" + regex + "' needs a note");
    }
  }

  /** The compiled, case-insensitive pattern. */
  public Pattern pattern() {
    return compile(regex);
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(Objects.requireNonNull(regex, "regex"), Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Invalid alias pattern: " + e.getMessage(), e);
    }
  }
}
