package dev.agenttrail.webapp.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.catalog.api.CatalogProblem;
import dev.agenttrail.catalog.api.UnknownEntryException;
import dev.agenttrail.catalog.api.UnknownFrameworkException;
import jakarta.json.JsonObject;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class CatalogProblemsTest {

  @Test
  void shouldListEveryProblemWithPointerLineAndColumn() {
    JsonObject problem =
        CatalogProblems.invalidFile(
            List.of(
                new CatalogProblem("acme.json", "/entries/1/id", 6, 12, "duplicate entry id 'B-1'"),
                new CatalogProblem("acme.json", "", 0, 0, "no framework section")));

    assertThat(problem.toString())
        .isEqualTo(
            "{\"type\":\"/problems/invalid-framework-file\",\"title\":\"Invalid framework file\","
                + "\"status\":400,\"detail\":\"2 problems in framework file 'acme.json'; nothing was"
                + " stored.\",\"errors\":[{\"index\":0,\"pointer\":\"/entries/1/id\",\"line\":6,"
                + "\"column\":12,\"message\":\"duplicate entry id 'B-1'\"},{\"index\":0,\"pointer\":"
                + "\"\",\"line\":null,\"column\":null,\"message\":\"no framework section\"}]}");
  }

  @Test
  void shouldNameTheClosestEntriesOfAnUnknownOne() {
    UnknownEntryException unknown =
        Assertions.catchThrowableOfType(
            UnknownEntryException.class,
            () -> CatalogLoader.loadBuiltIn().resolve("OWASP-ASI-2026", "ASI11"));

    JsonObject problem = CatalogProblems.lookup(unknown);

    assertThat(problem.getString("type")).isEqualTo("/problems/unknown-entry");
    assertThat(problem.getInt("status")).isEqualTo(404);
    assertThat(problem.getString("detail"))
        .isEqualTo("No entry 'ASI11' in OWASP-ASI-2026; closest: ASI01, ASI10.");
    assertThat(problem.getJsonArray("closest").toString())
        .isEqualTo("[\"OWASP-ASI-2026@2026:ASI01\",\"OWASP-ASI-2026@2026:ASI10\"]");
  }

  @Test
  void shouldNameTheKnownFrameworksForAnUnknownOne() {
    JsonObject problem =
        CatalogProblems.lookup(
            new UnknownFrameworkException("NIST", null, List.of("NIST-AI-RMF-1.0@1.0")));

    assertThat(problem.getString("type")).isEqualTo("/problems/unknown-framework");
    assertThat(problem.getString("detail"))
        .isEqualTo("No framework 'NIST' in the catalog; known: NIST-AI-RMF-1.0@1.0.");
  }
}
