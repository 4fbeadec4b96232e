package dev.agenttrail.catalog.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a framework version: a function, category, subcategory, risk, threat, layer or
 * whatever {@code kind} a custom framework uses. {@code text} is the publisher's official wording
 * where it may be reproduced (NIST); {@code summary} is original wording. An entry has a title, a
 * text or both (NIST categories and subcategories have no title).
 */
public record FrameworkEntry(
    EntryRef ref,
    String kind,
    Optional<String> parent,
    Optional<String> title,
    Optional<String> text,
    Optional<String> summary,
    Optional<Verification> verification,
    Optional<String> source,
    List<String> notes,
    Map<String, String> properties) {

  public FrameworkEntry {
    Objects.requireNonNull(ref, "ref");
    if (!IdSyntax.isKind(kind)) {
      throw new IllegalArgumentException("Invalid kind '" + kind + "' for " + ref);
    }
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(source, "source");
    if (title.isEmpty() && text.isEmpty()) {
      throw new IllegalArgumentException("Entry " + ref + " needs a title or a text");
    }
    if (parent.filter(ref.entryId()::equals).isPresent()) {
      throw new IllegalArgumentException("Entry " + ref + " cannot be its own parent");
    }
    notes = List.copyOf(notes);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The entry id as the publisher prints it, e.g. {@code GOVERN 1.1}. */
  public String id() {
    return ref.entryId();
  }

  /** What to show for the entry: its title, or its text when it has no title. */
  public String label() {
    return title.or(() -> text).orElseThrow();
  }

  /** The entry's parent as a reference into the same framework version. */
  public Optional<EntryRef> parentRef() {
    return parent.map(id -> EntryRef.of(ref.frameworkId(), ref.version(), id));
  }
}
