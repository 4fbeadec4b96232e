package dev.agenttrail.catalog.internal;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogProblem;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The internal package's only public class: the entry points behind {@code CatalogLoader} and
 * {@code CatalogValidator}. Not an API; call those instead.
 */
public final class CatalogReader {

  static final String INDEX_FORMAT = "agenttrail-catalog-index/1";

  private CatalogReader() {}

  /**
   * Loads the catalog listed by an index resource, e.g. {@code catalog/index.json}; the files it
   * lists are relative to the index's folder.
   */
  public static Catalog readIndex(ClassLoader loader, String indexResource) {
    JsonProvider provider = JsonProvider.provider();
    CatalogAssembler assembler =
        new CatalogAssembler(
            Catalog.of(List.of(), List.of(), List.of(), List.of()), provider, false);
    Problems indexProblems = new Problems(indexResource);
    assembler.add(indexProblems);
    Optional<String> index = resource(loader, indexResource);
    if (index.isEmpty()) {
      indexProblems.add("", "catalog index not found on the classpath");
      return assembler.assemble();
    }
    Optional<Node> root = JsonDocument.parse(provider, index.get(), indexProblems);
    if (root.isEmpty()) {
      return assembler.assemble();
    }
    root.get().allowOnly(Set.of("format", "files"));
    root.get()
        .requiredText("format")
        .filter(f -> !INDEX_FORMAT.equals(f))
        .ifPresent(
            f ->
                root.get()
                    .problem(
                        "format",
                        "format '" + f + "' is not supported; expected '" + INDEX_FORMAT + "'"));
    String folder =
        indexResource.contains("/")
            ? indexResource.substring(0, indexResource.lastIndexOf('/') + 1)
            : "";
    List<String> files = root.get().texts("files");
    for (int i = 0; i < files.size(); i++) {
      String path = folder + files.get(i);
      Optional<String> content = resource(loader, path);
      if (content.isPresent()) {
        assembler.add(path, content.get());
      } else {
        indexProblems.add("/files/" + i, "listed file '" + path + "' is not on the classpath");
      }
    }
    return assembler.assemble();
  }

  /**
   * Adds one framework file to a catalog; throws {@code CatalogValidationException} with every
   * problem.
   */
  public static Catalog addFramework(Catalog base, String fileName, String content) {
    CatalogAssembler assembler = new CatalogAssembler(base, JsonProvider.provider(), true);
    assembler.add(fileName, content);
    return assembler.assemble();
  }

  /** Every problem of one framework file against a catalog; empty if it can be added. */
  public static List<CatalogProblem> checkFramework(Catalog base, String fileName, String content) {
    CatalogAssembler assembler = new CatalogAssembler(base, JsonProvider.provider(), true);
    assembler.add(fileName, content);
    return assembler.check();
  }

  private static Optional<String> resource(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read catalog resource " + path, e);
    }
  }
}
