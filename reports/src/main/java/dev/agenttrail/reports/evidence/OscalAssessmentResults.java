package dev.agenttrail.reports.evidence;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.OscalCatalogExporter;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The pack as OSCAL 1.1.2 Assessment Results: one result for the period, an observation per
 * control with evidence and per incident, a finding per incident whose target is the framework
 * entry it maps to (by the OSCAL control id the catalog export uses), and a back-matter resource
 * standing for the assessment plan (AgentTrail's continuous monitoring).
 */
final class OscalAssessmentResults {

  static final String NS = OscalCatalogExporter.NAMESPACE;

  private final Catalog catalog;

  OscalAssessmentResults(Catalog catalog) {
    this.catalog = catalog;
  }

  void write(EvidencePack pack, OutputStream out) {
    String id = pack.id();
    String plan = Uuids.of(id + "/assessment-plan");
    JsonObjectBuilder metadata = json().createObjectBuilder()
        .add("title", "AgentTrail evidence pack " + pack.scope().from() + " to " + pack.scope().to())
        .add("last-modified", time(pack.generatedAt()))
        .add("version", pack.agentTrailVersion())
        .add("oscal-version", OscalCatalogExporter.OSCAL_VERSION)
        .add("props", json().createArrayBuilder().add(prop("evidence-pack-id", id)));

    JsonArrayBuilder observations = json().createArrayBuilder();
    for (ControlStatus control : pack.controls()) {
      if (control.evidenceEvents() > 0) {
        observations.add(json().createObjectBuilder()
            .add("uuid", Uuids.of(id + "/control/" + control.id()))
            .add("title", control.id() + " " + control.name())
            .add("description", control.evidenceEvents() + " events in the period show runtime control "
                + control.id() + " (" + control.name() + ") working, counted per UTC day and agent.")
            .add("methods", json().createArrayBuilder().add("TEST"))
            .add("types", json().createArrayBuilder().add("control-objective"))
            .add("relevant-evidence", json().createArrayBuilder().add(json().createObjectBuilder()
                .add("href", "coverage.json")
                .add("description", "Per-control evidence counts of the period and scope")))
            .add("collected", time(pack.generatedAt())));
      }
    }
    JsonArrayBuilder findings = json().createArrayBuilder();
    for (IncidentRecord incident : pack.incidents()) {
      String observation = Uuids.of(id + "/incident-observation/" + incident.id());
      JsonArrayBuilder evidence = json().createArrayBuilder();
      evidence.add(json().createObjectBuilder()
          .add("href", "events.ndjson")
          .add("description", "Ledger entries " + seqs(incident.evidenceSeqs()) + " in events.ndjson"));
      observations.add(json().createObjectBuilder()
          .add("uuid", observation)
          .add("title", "Incident " + incident.id() + ": " + incident.signal())
          .add("description", incident.explanation())
          .add("methods", json().createArrayBuilder().add("TEST"))
          .add("types", json().createArrayBuilder().add("finding"))
          .add("relevant-evidence", evidence)
          .add("collected", time(incident.lastSeen())));
      JsonObjectBuilder target = target(incident);
      JsonArrayBuilder props = json().createArrayBuilder()
          .add(prop("signal", incident.signal()))
          .add(prop("severity", incident.severity().toLowerCase()))
          .add(prop("incident-status", incident.status().toLowerCase()));
      for (IncidentRecord.MappingRow m : incident.mappings()) {
        props.add(prop("mapped-entry", m.framework() + "@" + m.version() + ":" + m.entry()));
      }
      findings.add(json().createObjectBuilder()
          .add("uuid", Uuids.of(id + "/incident/" + incident.id()))
          .add("title", "Incident " + incident.id() + ": " + incident.signal() + " (" + incident.severity().toLowerCase() + ")")
          .add("description", incident.explanation())
          .add("props", props)
          .add("target", target)
          .add("related-observations", json().createArrayBuilder()
              .add(json().createObjectBuilder().add("observation-uuid", observation))));
    }
    JsonObjectBuilder result = json().createObjectBuilder()
        .add("uuid", Uuids.of(id + "/result"))
        .add("title", "Runtime-control evidence " + pack.scope().from() + " to " + pack.scope().to())
        .add("description", "What AgentTrail's ledger shows for the period"
            + (pack.scope().allAgents() ? "" : " and agents " + String.join(", ", pack.scope().agents()))
            + ": " + pack.events().count() + " events, " + pack.incidents().size() + " incidents. Entries are"
            + " evidenced, failing or not evidenced; none is asserted compliant.")
        .add("start", time(pack.scope().from()))
        .add("end", time(pack.scope().to()))
        .add("reviewed-controls", json().createObjectBuilder()
            .add("control-selections", json().createArrayBuilder()
                .add(json().createObjectBuilder().add("include-all", json().createObjectBuilder()))));
    if (pack.controls().stream().anyMatch(c -> c.evidenceEvents() > 0) || !pack.incidents().isEmpty()) {
      result.add("observations", observations); // OSCAL arrays may not be empty
    }
    if (!pack.incidents().isEmpty()) {
      result.add("findings", findings);
    }
    JsonObjectBuilder root = json().createObjectBuilder()
        .add("uuid", Uuids.of(id + "/assessment-results"))
        .add("metadata", metadata)
        .add("import-ap", json().createObjectBuilder().add("href", "#" + plan))
        .add("results", json().createArrayBuilder().add(result))
        .add("back-matter", json().createObjectBuilder().add("resources", json().createArrayBuilder()
            .add(json().createObjectBuilder()
                .add("uuid", plan)
                .add("title", "AgentTrail continuous runtime-control monitoring")
                .add("description", "The assessment plan: every event an enforcement point sends is kept in a"
                    + " hash-chained ledger; detectors test the runtime controls; frameworks covered: "
                    + String.join(", ", pack.catalogVersions()) + "."))));
    try (JsonWriter writer = json().createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
        .createWriter(new NonClosing(out))) {
      writer.writeObject(json().createObjectBuilder().add("assessment-results", root).build());
    }
  }

  private JsonObjectBuilder target(IncidentRecord incident) {
    String targetId = null;
    String title = null;
    for (IncidentRecord.MappingRow m : incident.mappings()) {
      var framework = catalog.findFramework(m.framework(), m.version());
      if (framework.isPresent()) {
        String oscalId = OscalCatalogExporter.controlIds(framework.get()).get(m.entry());
        if (oscalId != null) {
          targetId = oscalId;
          title = EntryRef.of(m.framework(), m.version(), m.entry()).asString();
          break;
        }
      }
    }
    if (targetId == null) {
      targetId = "signal-" + incident.signal().toLowerCase().replace('_', '-');
      title = "signal:" + incident.signal();
    }
    return json().createObjectBuilder()
        .add("type", "objective-id")
        .add("target-id", targetId)
        .add("title", title)
        .add("status", json().createObjectBuilder()
            .add("state", active(incident) ? "not-satisfied" : "satisfied")
            .add("reason", active(incident) ? "fail" : "other"));
  }

  static boolean active(IncidentRecord incident) {
    String s = incident.status().toUpperCase();
    return s.equals("OPEN") || s.equals("ACKNOWLEDGED");
  }

  private static String seqs(List<Long> seqs) {
    if (seqs.isEmpty()) {
      return "(none in scope)";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < seqs.size() && i < 50; i++) {
      text.append(i == 0 ? "" : ", ").append(seqs.get(i));
    }
    return seqs.size() > 50 ? text + " and " + (seqs.size() - 50) + " more" : text.toString();
  }

  private static JsonObjectBuilder prop(String name, String value) {
    return json().createObjectBuilder().add("name", name).add("ns", NS).add("value", value);
  }

  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static jakarta.json.spi.JsonProvider json() {
    return JsonSupport.PROVIDER;
  }
}
