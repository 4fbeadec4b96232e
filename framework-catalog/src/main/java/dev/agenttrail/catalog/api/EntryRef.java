package dev.agenttrail.catalog.api;

import java.util.Objects;

/**
 * Points at one entry of one version of one framework. The string form is {@code
 * FRAMEWORK@VERSION:ENTRY}, for example {@code OWASP-ASI-2026@2026:ASI02} or {@code
 * NIST-AI-RMF-1.0@1.0:MEASURE 2.4} (the entry id may contain spaces). Mappings store an {@code
 * EntryRef}, never a copy of the entry's title.
 */
public record EntryRef(String frameworkId, String version, String entryId) implements MappingEnd {

  public EntryRef {
    if (!IdSyntax.isFrameworkId(frameworkId)) {
      throw new IllegalArgumentException("Invalid framework id: '" + frameworkId + "'");
    }
    if (!IdSyntax.isVersion(version)) {
      throw new IllegalArgumentException("Invalid framework version: '" + version + "'");
    }
    if (!IdSyntax.isEntryId(entryId)) {
      throw new IllegalArgumentException("Invalid entry id: '" + entryId + "'");
    }
  }

  public static EntryRef of(String frameworkId, String version, String entryId) {
    return new EntryRef(frameworkId, version, entryId);
  }

  /**
   * Parses {@code FRAMEWORK@VERSION:ENTRY}.
   *
   * @throws IllegalArgumentException if the text is not in that form or a part has invalid syntax
   */
  public static EntryRef parse(String text) {
    Objects.requireNonNull(text, "text");
    int at = text.indexOf('@');
    int colon = at < 0 ? -1 : text.indexOf(':', at);
    if (at <= 0 || colon < 0) {
      throw new IllegalArgumentException(
          "Not an entry reference: '" + text + "' (expected FRAMEWORK@VERSION:ENTRY)");
    }
    return new EntryRef(
        text.substring(0, at), text.substring(at + 1, colon), text.substring(colon + 1));
  }

  /** The same entry id in another framework version. */
  public boolean sameFramework(String otherFrameworkId, String otherVersion) {
    return frameworkId.equals(otherFrameworkId) && version.equals(otherVersion);
  }

  @Override
  public String asString() {
    return frameworkId + "@" + version + ":" + entryId;
  }

  @Override
  public String toString() {
    return asString();
  }
}
