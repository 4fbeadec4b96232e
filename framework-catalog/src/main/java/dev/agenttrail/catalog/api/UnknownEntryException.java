package dev.agenttrail.catalog.api;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * No entry matches an identifier. The message names the closest entries, e.g. {@code No entry
 * 'ASI11' in OWASP-ASI-2026; closest: ASI01, ASI10}.
 */
public class UnknownEntryException extends CatalogLookupException {

  private static final long serialVersionUID = 1L;

  private final String identifier;
  private final String frameworkKey;
  private final transient List<EntryRef> closest;

  /**
   * @param frameworkKey the framework id searched (or {@code id@version}); null when every
   *     framework was searched
   */
  public UnknownEntryException(String identifier, String frameworkKey, List<EntryRef> closest) {
    super(describe(identifier, frameworkKey, closest));
    this.identifier = identifier;
    this.frameworkKey = frameworkKey;
    this.closest = List.copyOf(closest);
  }

  public String identifier() {
    return identifier;
  }

  /** The framework searched; empty when every framework was searched. */
  public Optional<String> frameworkKey() {
    return Optional.ofNullable(frameworkKey);
  }

  public List<EntryRef> closest() {
    return closest;
  }

  private static String describe(String identifier, String frameworkKey, List<EntryRef> closest) {
    String where = frameworkKey == null ? "any framework" : frameworkKey;
    String names =
        closest.isEmpty()
            ? "none"
            : closest.stream()
                .map(
                    ref ->
                        frameworkKey == null
                            ? ref.frameworkId() + ":" + ref.entryId()
                            : ref.entryId())
                .collect(Collectors.joining(", "));
    return "No entry '" + identifier + "' in " + where + "; closest: " + names;
  }
}
