package dev.agenttrail.catalog.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a framework version is and where it comes from. {@code id} and {@code version} together name
 * it; {@code published} is as precise as the publisher is (e.g. {@code 2025-12}); {@code
 * lastModified} is the ISO date the catalog file last changed and stamps OSCAL exports.
 */
public record FrameworkInfo(
    String id,
    String version,
    String title,
    Optional<String> publisher,
    Optional<String> published,
    Optional<String> lastModified,
    Optional<String> source,
    Optional<String> url,
    Optional<String> license,
    Optional<String> idConvention,
    List<String> notes) {

  public FrameworkInfo {
    if (!IdSyntax.isFrameworkId(id)) {
      throw new IllegalArgumentException("Invalid framework id: '" + id + "'");
    }
    if (!IdSyntax.isVersion(version)) {
      throw new IllegalArgumentException("Invalid framework version: '" + version + "'");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("Framework " + id + " needs a title");
    }
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(idConvention, "idConvention");
    notes = List.copyOf(notes);
  }

  /** {@code FRAMEWORK@VERSION}, the prefix of every {@link EntryRef} into this framework. */
  public String key() {
    return id + "@" + version;
  }
}
