package dev.agenttrail.catalog.api;

/** A framework or entry that was asked for is not in the catalog, or not unambiguously. */
public abstract class CatalogLookupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CatalogLookupException(String message) {
    super(message);
  }
}
