package dev.agenttrail.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltInCatalogTest {

  private static final String NIST = "NIST-AI-RMF-1.0";
  private static final String ASI = "OWASP-ASI-2026";
  private static final String THREATS = "OWASP-AGENTIC-THREATS-1.1";
  private static final String MAESTRO = "CSA-MAESTRO-2025";

  private final Catalog catalog = CatalogLoader.loadBuiltIn();

  @Test
  void shouldShipExactlyTheFourFrameworkVersions() {
    assertThat(catalog.frameworks())
        .extracting(f -> f.info().key())
        .containsExactly(
            "NIST-AI-RMF-1.0@1.0",
            "OWASP-ASI-2026@2026",
            "OWASP-AGENTIC-THREATS-1.1@1.1",
            "CSA-MAESTRO-2025@2025");
  }

  @Test
  void shouldHaveNistFunctionsCategoriesAndSubcategories() {
    Framework nist = framework(NIST);

    assertThat(kinds(nist)).isEqualTo(Map.of("function", 4L, "category", 19L, "subcategory", 72L));
    assertThat(nist.roots())
        .extracting(FrameworkEntry::id)
        .containsExactly("GOVERN", "MAP", "MEASURE", "MANAGE");
    assertThat(nist.children("GOVERN")).hasSize(6);
    assertThat(nist.children("MEASURE 2")).hasSize(13);
    assertThat(
            nist.entries().stream()
                .filter(e -> e.kind().equals("subcategory"))
                .collect(Collectors.groupingBy(e -> e.id().split(" ")[0], Collectors.counting())))
        .isEqualTo(Map.of("GOVERN", 19L, "MAP", 18L, "MEASURE", 22L, "MANAGE", 13L));
  }

  @Test
  void shouldHaveTheOwaspAgenticTop10AndThreatTaxonomy() {
    assertThat(framework(ASI).entries())
        .extracting(FrameworkEntry::id)
        .containsExactly(
            "ASI01", "ASI02", "ASI03", "ASI04", "ASI05", "ASI06", "ASI07", "ASI08", "ASI09",
            "ASI10");
    assertThat(kinds(framework(ASI))).isEqualTo(Map.of("risk", 10L));
    assertThat(framework(THREATS).entries()).hasSize(17).allMatch(e -> e.kind().equals("threat"));
    assertThat(framework(THREATS).entries().get(16).id()).isEqualTo("T17");
  }

  @Test
  void shouldHaveMaestroLayersLayerThreatsAndCrossLayerThreats() {
    Framework maestro = framework(MAESTRO);

    assertThat(maestro.entries().stream().filter(e -> e.kind().equals("layer"))).hasSize(7);
    assertThat(maestro.entries().stream().filter(e -> e.parent().isPresent()))
        .hasSize(50)
        .allMatch(
            e ->
                e.kind().equals("threat")
                    && e.id().startsWith("MAESTRO-" + e.parent().get() + "-T"));
    assertThat(maestro.roots().stream().filter(e -> e.kind().equals("threat")))
        .extracting(FrameworkEntry::id)
        .containsExactly(
            "MAESTRO-CL-T1", "MAESTRO-CL-T2", "MAESTRO-CL-T3", "MAESTRO-CL-T4", "MAESTRO-CL-T5");
    assertThat(maestro.children("L7")).hasSize(13);
  }

  @Test
  void shouldCarryOfficialTextTitlesAndVerification() {
    FrameworkEntry govern11 = entry(NIST, "GOVERN 1.1");
    FrameworkEntry asi02 = entry(ASI, "ASI02");

    assertThat(govern11.text())
        .hasValue(
            "Legal and regulatory requirements involving AI are understood, managed, and"
                + " documented.");
    assertThat(govern11.title()).isEmpty();
    assertThat(govern11.label()).startsWith("Legal and regulatory");
    assertThat(govern11.parent()).hasValue("GOVERN 1");
    assertThat(entry(NIST, "MEASURE 2.4").text())
        .hasValue(
            "The functionality and behavior of the AI system and its components – as identified in"
                + " the MAP function – are monitored when in production.");
    assertThat(entry(NIST, "GOVERN").title()).hasValue("Govern");
    assertThat(asi02.title()).hasValue("Tool Misuse and Exploitation");
    assertThat(asi02.notes())
        .containsExactly("Also written 'Tool Misuse & Exploitation' in the same document.");
    assertThat(entry(THREATS, "T16").title()).hasValue("Insecure Inter-Agent Protocol Abuse");
    assertThat(entry(THREATS, "T16").properties()).containsEntry("introducedIn", "v1.1");
    assertThat(entry(MAESTRO, "MAESTRO-L4-T3").title())
        .hasValue("Infrastructure-as-Code (IaC) Manipulation");
    assertThat(entry(MAESTRO, "MAESTRO-L4-T3").verification().map(Verification::status))
        .hasValue("VERIFIED (secondary sources)");
    assertThat(entry(MAESTRO, "L6").properties()).containsEntry("vertical", "true");
  }

  @Test
  void shouldGiveEveryEntryAVerificationAndASource() {
    for (Framework framework : catalog.frameworks()) {
      assertThat(framework.entries())
          .as(framework.toString())
          .allMatch(e -> e.verification().isPresent() && e.source().isPresent());
      assertThat(framework.info().source()).as(framework.toString()).isPresent();
    }
  }

  @Test
  void shouldResolveEveryMappingEndToAnEntryOfTheCatalog() {
    assertThat(catalog.mappings()).hasSize(158);
    for (Mapping mapping : catalog.mappings()) {
      assertThat(catalog.findEntry(mapping.to())).as(mapping.toString()).isPresent();
      if (mapping.from() instanceof EntryRef from) {
        assertThat(catalog.findEntry(from)).as(mapping.toString()).isPresent();
      }
    }
  }

  @Test
  void shouldShipThePublishedCrosswalksWithTheirSource() {
    List<Mapping> published =
        catalog.mappings().stream()
            .filter(m -> m.provenance() == Provenance.PUBLISHED)
            .collect(Collectors.toList());

    assertThat(published).hasSize(27 + 19).allMatch(m -> m.source().isPresent());
    assertThat(catalog.mappingsFrom(ref(ASI, "ASI04")))
        .extracting(m -> m.to().entryId())
        .containsExactly("T17", "T2", "T11", "T12", "T13", "T16");
    assertThat(catalog.mappingsFrom(ref(ASI, "ASI01")).get(0).source().orElseThrow())
        .contains("Appendix A");
    assertThat(catalog.mappingsFrom(ref(MAESTRO, "L4")))
        .extracting(m -> m.to().entryId())
        .containsExactly("T3", "T4", "T13", "T14");
    assertThat(catalog.mappingsFrom(ref(MAESTRO, "L4")).get(0).source().orElseThrow())
        .contains("Multi-Agentic System Threat Modelling Guide");
    assertThat(catalog.mappingsTo(ref(THREATS, "T9")))
        .extracting(m -> m.from().asString())
        .containsExactly("CSA-MAESTRO-2025@2025:L7");
  }

  @Test
  void shouldShipNineControlsEachMappedToAllThreeFrameworks() {
    assertThat(catalog.controls())
        .extracting(c -> c.id().value())
        .containsExactly(
            "CTRL-01", "CTRL-02", "CTRL-03", "CTRL-04", "CTRL-05", "CTRL-06", "CTRL-07", "CTRL-08",
            "CTRL-09");
    for (Control control : catalog.controls()) {
      assertThat(frameworksReached(control.mappings()))
          .as(control.id().value())
          .containsAll(Set.of(ASI, MAESTRO, NIST));
      assertThat(control.mappings())
          .allMatch(m -> m.provenance() == Provenance.PRODUCT && !m.rationale().isBlank());
    }
  }

  @Test
  void shouldShipNineSignalsEachTestingAControlAndReachingAllThreeFrameworks() {
    assertThat(catalog.signals())
        .extracting(s -> s.id().value())
        .containsExactly(
            "UNDECLARED_TOOL",
            "DENY_THEN_OVERRIDE",
            "SESSION_DRIFT",
            "SCOPE_EXPANSION",
            "CREDENTIAL_OVERSTAY",
            "SHARED_CREDENTIAL",
            "UNESCALATED_STATE_CHANGE",
            "UNTRACEABLE_ACTION",
            "ENFORCEMENT_GAP");
    for (Signal signal : catalog.signals()) {
      assertThat(signal.controls()).as(signal.id().value()).isNotEmpty();
      assertThat(frameworksReached(signal.mappings()))
          .as(signal.id().value())
          .containsAll(Set.of(ASI, MAESTRO, NIST));
      assertThat(signal.mappings())
          .allMatch(m -> m.provenance() == Provenance.PRODUCT && !m.rationale().isBlank());
    }
    assertThat(
            catalog.signals().stream()
                .flatMap(s -> s.controls().stream())
                .collect(Collectors.toSet()))
        .as("every control is tested by a signal")
        .hasSize(9);
  }

  @Test
  void shouldContainEveryDefaultMappingOfTheSignalsContract() {
    for (Map.Entry<String, List<String>> row : SignalsContract.DEFAULT_MAPPINGS.entrySet()) {
      Signal signal = catalog.findSignal(SignalId.of(row.getKey())).orElseThrow();
      Set<EntryRef> mapped =
          signal.mappings().stream().map(Mapping::to).collect(Collectors.toSet());
      for (String target : row.getValue()) {
        assertThat(mapped).as(row.getKey() + " -> " + target).contains(SignalsContract.ref(target));
      }
    }
  }

  @Test
  void shouldFindMappingsFromEitherEnd() {
    EntryRef asi03 = ref(ASI, "ASI03");

    assertThat(catalog.mappingsTo(asi03))
        .extracting(m -> m.from().asString())
        .contains("signal:CREDENTIAL_OVERSTAY", "signal:SHARED_CREDENTIAL", "control:CTRL-01");
    assertThat(catalog.mappingsFrom(SignalId.of("SHARED_CREDENTIAL"))).hasSize(5);
    assertThat(catalog.mappingsFrom(ControlId.of("CTRL-06")))
        .extracting(m -> m.to().entryId())
        .contains("MAESTRO-L7-T2", "GOVERN 1.6");
  }

  @Test
  void shouldAnswerChildrenByReference() {
    assertThat(catalog.children(ref(NIST, "MAP 3")))
        .extracting(FrameworkEntry::id)
        .containsExactly("MAP 3.1", "MAP 3.2", "MAP 3.3", "MAP 3.4", "MAP 3.5");
    assertThat(catalog.children(ref(ASI, "ASI01"))).isEmpty();
  }

  @Test
  void shouldKeepTheAliasesAndPatternsOfTheFrameworkFiles() {
    assertThat(framework(MAESTRO).namingRules().aliases())
        .extracting(Alias::alias)
        .containsExactly("CSA MAESTRO M1", "MAESTRO M1", "CSA MAESTRO IAC-3");
    assertThat(framework(NIST).namingRules().idAbbreviations()).containsEntry("GV", "GOVERN");
  }

  private Framework framework(String id) {
    return catalog.findLatestFramework(id).orElseThrow();
  }

  private FrameworkEntry entry(String frameworkId, String entryId) {
    return framework(frameworkId).findEntry(entryId).orElseThrow();
  }

  private EntryRef ref(String frameworkId, String entryId) {
    return entry(frameworkId, entryId).ref();
  }

  private static Map<String, Long> kinds(Framework framework) {
    return framework.entries().stream()
        .collect(Collectors.groupingBy(FrameworkEntry::kind, Collectors.counting()));
  }

  private static Set<String> frameworksReached(List<Mapping> mappings) {
    return mappings.stream().map(m -> m.to().frameworkId()).collect(Collectors.toSet());
  }
}
