package dev.agenttrail.webapp.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrail.catalog.api.CatalogProblem;
import dev.agenttrail.catalog.api.CatalogValidationException;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.Resolution;
import dev.agenttrail.catalog.api.UnknownFrameworkException;
import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.catalog.DuplicateFrameworkVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

  private final InMemoryCustomFrameworks table = new InMemoryCustomFrameworks();
  private final CatalogService service = new CatalogService(table, Clock.systemUTC());

  @Test
  void shouldServeTheBuiltInFrameworksWhenNothingWasUploaded() {
    CatalogSnapshot snapshot = service.current();

    assertThat(keys(snapshot.frameworks(false)))
        .containsExactly(
            "NIST-AI-RMF-1.0@1.0",
            "OWASP-ASI-2026@2026",
            "OWASP-AGENTIC-THREATS-1.1@1.1",
            "CSA-MAESTRO-2025@2025");
    assertThat(snapshot.frameworks(false)).noneMatch(snapshot::isCustom);
  }

  @Test
  void shouldStoreAValidFileAsSentAndServeItsEntries() {
    String content = CustomFrameworks.acme("ACME-POLICY", "1.0");

    CustomFrameworkFile stored = service.upload("acme.json", content, "amy");

    assertThat(table.files()).containsExactly(stored);
    assertThat(stored.content()).isEqualTo(content);
    assertThat(stored.sha256()).isEqualTo(CustomFrameworkFile.sha256(content)).hasSize(64);
    assertThat(stored.uploadedBy()).isEqualTo("amy");
    CatalogSnapshot snapshot = service.current();
    Framework acme = snapshot.framework("ACME-POLICY", null);
    assertThat(snapshot.isCustom(acme)).isTrue();
    assertThat(snapshot.upload(acme)).contains(stored);
    Resolution alias = snapshot.catalog().resolve("ACME-POLICY", "Acme tool rule");
    assertThat(alias.ref().asString()).isEqualTo("ACME-POLICY@1.0:AP-1.1");
    assertThat(snapshot.catalog().resolve("Acme tool rule").ref()).isEqualTo(alias.ref());
  }

  @Test
  void shouldAddANewVersionBesideTheOldOneAndLeaveTheOldOneAsItWas() {
    CustomFrameworkFile v1 =
        service.upload("acme.json", CustomFrameworks.acme("ACME-POLICY", "1.0"), "amy");
    String v2Content =
        CustomFrameworks.acme("ACME-POLICY", "2.0").replace("\"Approvals\"", "\"Human approvals\"");

    service.upload("acme-v2.json", v2Content, "amy");

    CatalogSnapshot snapshot = service.current();
    assertThat(keys(snapshot.frameworks(false))).contains("ACME-POLICY@2.0").doesNotContain("ACME-POLICY@1.0");
    assertThat(keys(snapshot.frameworks(true))).contains("ACME-POLICY@1.0", "ACME-POLICY@2.0");
    assertThat(snapshot.framework("ACME-POLICY", "1.0").findEntry("AP-2").get().label())
        .isEqualTo("Approvals");
    assertThat(snapshot.framework("ACME-POLICY", null).findEntry("AP-2").get().label())
        .isEqualTo("Human approvals");
    assertThat(table.files().get(0).content()).isEqualTo(v1.content());
  }

  @Test
  void shouldAnswerAConflictForAVersionThatExistsAndStoreNothing() {
    service.upload("acme.json", CustomFrameworks.acme("ACME-POLICY", "1.0"), "amy");

    assertThatThrownBy(
            () -> service.upload("again.json", CustomFrameworks.acme("ACME-POLICY", "1.0"), "bob"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("'ACME-POLICY' version '1.0' exists already");
    assertThat(table.files()).hasSize(1);
  }

  @Test
  void shouldAnswerAConflictWhenAnotherInstanceStoredTheVersionFirst() {
    InMemoryCustomFrameworks takenMeanwhile =
        new InMemoryCustomFrameworks() {
          @Override
          public synchronized void add(CustomFrameworkFile file) {
            throw new DuplicateFrameworkVersionException(file.frameworkId(), file.version());
          }
        };
    CatalogService late = new CatalogService(takenMeanwhile, Clock.systemUTC());

    assertThatThrownBy(
            () -> late.upload("acme.json", CustomFrameworks.acme("ACME-POLICY", "1.0"), "bob"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("exists already");
  }

  @Test
  void shouldRefuseNewVersionsOfBuiltInFrameworks() {
    String nist = CustomFrameworks.acme("NIST-AI-RMF-1.0", "1.1");

    assertThatThrownBy(() -> service.upload("nist.json", nist, "amy"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("'NIST-AI-RMF-1.0' is a built-in framework");
    assertThat(table.files()).isEmpty();
  }

  @Test
  void shouldReportEveryProblemOfAnInvalidFileAndStoreNothing() {
    assertThatThrownBy(() -> service.upload("broken.json", CustomFrameworks.broken("BROKEN"), "amy"))
        .isInstanceOfSatisfying(
            CatalogValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(CatalogProblem::pointer)
                    .containsExactly("/entries/1/id", "/entries/2/parent", "/mappings/0/to"));
    assertThat(table.files()).isEmpty();
    assertThatThrownBy(() -> service.current().framework("BROKEN", null))
        .isInstanceOf(UnknownFrameworkException.class);
  }

  @Test
  void shouldSeeAFrameworkThatAnotherInstanceUploaded() {
    CatalogService other = new CatalogService(table, Clock.systemUTC());
    assertThat(service.current().frameworks(true)).hasSize(4);

    other.upload("acme.json", CustomFrameworks.acme("ACME-POLICY", "1.0"), "amy");

    CatalogSnapshot snapshot = service.current();
    assertThat(keys(snapshot.frameworks(true))).contains("ACME-POLICY@1.0");
    assertThat(snapshot.isCustom(snapshot.framework("ACME-POLICY", "1.0"))).isTrue();
  }

  @Test
  void shouldRereadTheTableOnlyWhenItChanged() {
    CatalogSnapshot first = service.current();
    int loads = table.loads;

    CatalogSnapshot second = service.current();
    assertThat(second).isSameAs(first);
    assertThat(table.loads).isEqualTo(loads);

    new CatalogService(table, Clock.systemUTC())
        .upload("acme.json", CustomFrameworks.acme("ACME-POLICY", "1.0"), "amy");
    assertThat(service.current()).isNotSameAs(first);
    assertThat(table.loads).isGreaterThan(loads);
  }

  @Test
  void shouldLeaveOutAStoredFileThatNoLongerLoadsAndServeTheRest() {
    table.add(
        CustomFrameworkFile.upload(
            "BROKEN", "1.0", "broken.json", CustomFrameworks.broken("BROKEN"), "db", Instant.now()));
    service.upload("acme.json", CustomFrameworks.acme("ACME-POLICY", "1.0"), "amy");

    CatalogSnapshot snapshot = service.current();

    assertThat(snapshot.unloadable()).extracting(CustomFrameworkFile::key).containsExactly("BROKEN@1.0");
    assertThat(keys(snapshot.frameworks(true))).contains("ACME-POLICY@1.0").doesNotContain("BROKEN@1.0");
  }

  @Test
  void shouldExportAnUploadedFrameworkAsTheSameOscalDocumentEveryTime() {
    service.upload("acme.json", CustomFrameworks.acme("ACME-POLICY", "1.0"), "amy");
    CatalogService restarted = new CatalogService(table, Clock.systemUTC());

    String first = service.current().oscal(service.current().framework("ACME-POLICY", null));
    String second = restarted.current().oscal(restarted.current().framework("ACME-POLICY", null));

    Instant uploaded = table.files().get(0).uploadedAt().truncatedTo(ChronoUnit.SECONDS);
    assertThat(first).isEqualTo(second).containsPattern("\"last-modified\": *\"" + uploaded + "\"");
  }

  private static List<String> keys(List<Framework> frameworks) {
    return frameworks.stream().map(f -> f.info().key()).collect(Collectors.toList());
  }
}
