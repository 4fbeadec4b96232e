package dev.agenttrail.catalog.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An identifier given without a framework matches equally well in more than one framework; the
 * caller has to say which framework it means.
 */
public class AmbiguousIdentifierException extends CatalogLookupException {

  private static final long serialVersionUID = 1L;

  private final transient List<Resolution> candidates;

  public AmbiguousIdentifierException(String identifier, List<Resolution> candidates) {
    super(
        "Identifier '"
            + identifier
            + "' matches in more than one framework: "
            + candidates.stream().map(c -> c.ref().toString()).collect(Collectors.joining(", "))
            + "; name the framework");
    this.candidates = List.copyOf(candidates);
  }

  public List<Resolution> candidates() {
    return candidates;
  }
}
