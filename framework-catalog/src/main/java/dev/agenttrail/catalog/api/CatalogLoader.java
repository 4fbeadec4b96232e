package dev.agenttrail.catalog.api;

import dev.agenttrail.catalog.internal.CatalogReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads catalogs: the built-in one shipped in this module ({@code catalog/index.json} and the files
 * it lists), and a catalog extended with a user-supplied framework file in the same format. Every
 * call parses afresh; keep the result, it is immutable.
 */
public final class CatalogLoader {

  /** Classpath location of the built-in catalog's index. */
  public static final String BUILT_IN_INDEX = "catalog/index.json";

  private CatalogLoader() {}

  /**
   * Loads the built-in catalog: {@code Catalog catalog = CatalogLoader.loadBuiltIn();}
   *
   * @throws CatalogValidationException if the shipped data is broken (a build-time test prevents
   *     it)
   */
  public static Catalog loadBuiltIn() {
    return load(CatalogLoader.class.getClassLoader(), BUILT_IN_INDEX);
  }

  /** Loads the catalog an index resource lists (files relative to the index's folder). */
  public static Catalog load(ClassLoader loader, String indexResource) {
    return CatalogReader.readIndex(loader, indexResource);
  }

  /**
   * Adds a custom framework file (the documented format, a {@code framework} section and {@code
   * entries}) to a catalog. The file may map its entries to entries already in the catalog. Returns
   * a new catalog; {@code existing} is unchanged.
   *
   * @param fileName how problems name the file, e.g. the upload's file name
   * @throws CatalogValidationException with every problem found
   */
  public static Catalog withCustomFramework(Catalog existing, String fileName, String content) {
    return CatalogReader.addFramework(existing, fileName, content);
  }

  /** As {@link #withCustomFramework(Catalog, String, String)}, reading UTF-8 from a stream. */
  public static Catalog withCustomFramework(
      Catalog existing, String fileName, InputStream content) {
    return withCustomFramework(existing, fileName, read(content));
  }

  static String read(InputStream content) {
    try {
      return new String(content.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read catalog file", e);
    }
  }
}
