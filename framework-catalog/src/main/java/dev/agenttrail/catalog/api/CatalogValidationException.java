package dev.agenttrail.catalog.api;

import java.util.List;
import java.util.stream.Collectors;

/** Catalog data that cannot be loaded, with every problem found (not only the first). */
public class CatalogValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<CatalogProblem> problems;

  public CatalogValidationException(List<CatalogProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<CatalogProblem> problems() {
    return problems;
  }

  private static String describe(List<CatalogProblem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in catalog data:"
        + problems.stream().map(p -> "\n - " + p).collect(Collectors.joining());
  }
}
