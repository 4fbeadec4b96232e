package dev.agenttrail.catalog.api;

import java.util.List;

/** No framework (or no such version of it) is in the catalog. The message names the known ones. */
public class UnknownFrameworkException extends CatalogLookupException {

  private static final long serialVersionUID = 1L;

  private final String frameworkId;

  public UnknownFrameworkException(String frameworkId, String version, List<String> known) {
    super(
        "No framework '"
            + frameworkId
            + (version == null ? "" : "' version '" + version)
            + "' in the catalog; known: "
            + (known.isEmpty() ? "none" : String.join(", ", known)));
    this.frameworkId = frameworkId;
  }

  public String frameworkId() {
    return frameworkId;
  }
}
