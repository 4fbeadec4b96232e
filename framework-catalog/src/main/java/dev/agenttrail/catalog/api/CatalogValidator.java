package dev.agenttrail.catalog.api;

import dev.agenttrail.catalog.internal.CatalogReader;
import java.io.InputStream;
import java.util.List;

/**
 * Checks a user-supplied framework file against a catalog without adding it, and lists every
 * problem: JSON syntax (with line and column), unknown or missing fields, id syntax, duplicate ids,
 * missing parents and parent loops, kinds, aliases, a version that is missing or already in the
 * catalog, and mapping ends that do not resolve. Problems carry the file, a JSON Pointer and, where
 * known, the line.
 */
public final class CatalogValidator {

  private CatalogValidator() {}

  /**
   * Every problem of the file; empty if {@link CatalogLoader#withCustomFramework} would accept it.
   */
  public static List<CatalogProblem> validate(Catalog existing, String fileName, String content) {
    return CatalogReader.checkFramework(existing, fileName, content);
  }

  /** As {@link #validate(Catalog, String, String)}, reading UTF-8 from a stream. */
  public static List<CatalogProblem> validate(
      Catalog existing, String fileName, InputStream content) {
    return validate(existing, fileName, CatalogLoader.read(content));
  }
}
