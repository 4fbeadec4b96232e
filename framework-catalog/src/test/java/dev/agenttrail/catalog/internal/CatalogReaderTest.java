package dev.agenttrail.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.catalog.api.CatalogProblem;
import dev.agenttrail.catalog.api.CatalogValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

  @Test
  void shouldReportEveryProblemOfEveryListedFile() {
    ClassLoader loader = getClass().getClassLoader();

    assertThatThrownBy(() -> CatalogLoader.load(loader, "broken-catalog/index.json"))
        .isInstanceOf(CatalogValidationException.class)
        .satisfies(
            e ->
                assertThat(((CatalogValidationException) e).problems())
                    .extracting(CatalogProblem::toString)
                    .containsExactlyInAnyOrder(
                        "broken-catalog/index.json:3:44 /files/2: listed file"
                            + " 'broken-catalog/missing.json' is not on the classpath",
                        "broken-catalog/crosswalk.json:5:32 /mappings/0/to: mapping end 'TINY@1:B'"
                            + " does not resolve: No entry 'B' in TINY@1; closest: A",
                        "broken-catalog/crosswalk.json:6:5 /mappings/1: a published mapping needs"
                            + " its 'source' (the document that publishes it)",
                        "broken-catalog/library.json:3:98 /controls/0/mappings: 'mappings' must not"
                            + " be empty",
                        "broken-catalog/library.json:4:95 /signals/0/controls/0: signal SOME_SIGNAL"
                            + " tests unknown control 'CTRL-99'; known: CTRL-01",
                        "broken-catalog/library.json:5:92 /signals/0/mappings/1/to: mapping end"
                            + " 'OTHER@1:A' names no framework in the catalog; known: TINY@1"));
  }

  @Test
  void shouldReportAMissingIndex() {
    List<CatalogProblem> problems = List.of();
    try {
      CatalogLoader.load(getClass().getClassLoader(), "nowhere/index.json");
    } catch (CatalogValidationException e) {
      problems = e.problems();
    }

    assertThat(problems)
        .extracting(CatalogProblem::toString)
        .containsExactly("nowhere/index.json: catalog index not found on the classpath");
  }
}
