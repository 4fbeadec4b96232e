package dev.agenttrail.reports.evidence;

import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.domain.coverage.EntryCoverage;
import dev.agenttrail.domain.coverage.FrameworkCoverage;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes the pack's machine-readable files: incidents, escalations, coverage and the manifest. */
final class PackJson {

  private PackJson() {}

  static JsonGenerator generator(OutputStream out) {
    return JsonSupport.PROVIDER.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
        .createGenerator(new NonClosing(out));
  }

  static void incidents(EvidencePack pack, OutputStream out) {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      period(g, pack);
      g.writeStartArray("incidents");
      for (IncidentRecord i : pack.incidents()) {
        g.writeStartObject().write("id", i.id()).write("signal", i.signal()).write("severity", i.severity())
            .write("status", i.status());
        optional(g, "agent", i.agentId());
        optional(g, "source", i.source());
        optional(g, "task", i.task());
        g.write("explanation", i.explanation()).write("openedAt", time(i.openedAt()))
            .write("firstSeen", time(i.firstSeen())).write("lastSeen", time(i.lastSeen()));
        g.writeStartArray("evidence");
        i.evidenceSeqs().forEach(g::write);
        g.writeEnd();
        g.writeStartArray("mappings");
        for (IncidentRecord.MappingRow m : i.mappings()) {
          g.writeStartObject().write("framework", m.framework()).write("version", m.version())
              .write("entry", m.entry()).write("provenance", m.provenance());
          optional(g, "rationale", m.rationale());
          g.writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("history");
        for (IncidentRecord.Transition t : i.history()) {
          g.writeStartObject().write("at", time(t.at())).write("actor", t.actor());
          optional(g, "from", t.from());
          g.write("to", t.to());
          optional(g, "reason", t.reason());
          g.writeEnd();
        }
        g.writeEnd();
        g.writeEnd();
      }
      g.writeEnd().writeEnd();
    }
  }

  static void escalations(EvidencePack pack, OutputStream out) {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      period(g, pack);
      g.write("available", pack.escalationsAvailable());
      g.writeStartArray("escalations");
      for (EscalationCase c : pack.escalations()) {
        g.writeStartObject().write("id", c.id());
        optional(g, "agent", c.agentId());
        optional(g, "action", c.action());
        g.write("state", c.state()).write("openedAt", time(c.openedAt()));
        optional(g, "decidedAt", c.decidedAt() == null ? null : time(c.decidedAt()));
        optional(g, "decider", c.decider());
        optional(g, "decision", c.decision());
        g.write("deadlineBreached", c.deadlineBreached());
        g.writeStartArray("levels");
        for (EscalationCase.Level l : c.levels()) {
          g.writeStartObject().write("level", l.level());
          g.writeStartArray("approvers");
          l.approvers().forEach(g::write);
          g.writeEnd();
          optional(g, "reachedAt", l.reachedAt() == null ? null : time(l.reachedAt()));
          optional(g, "deadline", l.deadline() == null ? null : time(l.deadline()));
          g.writeEnd();
        }
        g.writeEnd().writeEnd();
      }
      g.writeEnd().writeEnd();
    }
  }

  static void coverage(EvidencePack pack, OutputStream out) {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      period(g, pack);
      g.writeStartArray("frameworks");
      for (FrameworkCoverage f : pack.coverage()) {
        g.writeStartObject().write("framework", f.frameworkId()).write("version", f.version()).write("title", f.title());
        g.writeStartArray("entries");
        for (EntryCoverage e : f.entries()) {
          g.writeStartObject().write("entry", e.entry().entryId()).write("title", e.label())
              .write("state", e.state().jsonName());
          g.writeStartArray("controls");
          for (Map.Entry<ControlId, Long> c : e.controlEvidence().entrySet().stream()
              .sorted(Map.Entry.comparingByKey((a, b) -> a.value().compareTo(b.value()))).toList()) {
            g.writeStartObject().write("control", c.getKey().value()).write("evidenceEvents", c.getValue()).writeEnd();
          }
          g.writeEnd();
          g.writeStartArray("failingIncidents");
          e.failingIncidents().forEach(g::write);
          g.writeEnd().writeEnd();
        }
        g.writeEnd().writeEnd();
      }
      g.writeEnd();
      g.writeStartArray("controls");
      for (ControlStatus c : pack.controls()) {
        g.writeStartObject().write("control", c.id()).write("name", c.name()).write("evidenceEvents", c.evidenceEvents())
            .write("state", c.state().jsonName());
        g.writeStartArray("failingIncidents");
        c.failingIncidents().forEach(g::write);
        g.writeEnd().writeEnd();
      }
      g.writeEnd().writeEnd();
    }
  }

  /** A file of the pack as the manifest lists it. */
  record FileEntry(String name, String sha256, long size) {}

  static void manifest(EvidencePack pack, List<FileEntry> files, String keyId, OutputStream out) {
    EventSummary e = pack.events();
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject().write("format", "agenttrail-evidence-pack/1").write("packId", pack.id())
          .write("generatedAt", time(pack.generatedAt())).write("agentTrailVersion", pack.agentTrailVersion());
      g.writeStartObject("period").write("from", time(pack.scope().from())).write("to", time(pack.scope().to())).writeEnd();
      g.writeStartObject("scope");
      g.writeStartArray("frameworks");
      pack.coverage().forEach(f -> g.write(f.key()));
      g.writeEnd();
      g.writeStartArray("agents");
      pack.scope().agents().forEach(g::write);
      g.writeEnd().writeEnd();
      g.writeStartArray("catalogVersions");
      pack.catalogVersions().forEach(g::write);
      g.writeEnd();
      g.writeStartObject("ledger").write("events", e.count());
      if (e.count() > 0) {
        g.write("firstSeq", e.firstSeq()).write("firstPreviousHash", e.firstPreviousHash()).write("firstHash", e.firstHash())
            .write("lastSeq", e.lastSeq()).write("lastHash", e.lastHash());
      }
      g.write("runs", e.runs());
      g.writeStartObject("atGeneration").write("verified", pack.ledger().verified()).write("count", pack.ledger().count());
      optional(g, "head", pack.ledger().head());
      optional(g, "problem", pack.ledger().problem());
      g.writeEnd().writeEnd();
      g.write("signingKeyId", keyId);
      g.writeStartArray("files");
      for (FileEntry f : files) {
        g.writeStartObject().write("name", f.name()).write("sha256", f.sha256()).write("size", f.size()).writeEnd();
      }
      g.writeEnd().writeEnd();
    }
  }

  private static void period(JsonGenerator g, EvidencePack pack) {
    g.write("packId", pack.id()).write("from", time(pack.scope().from())).write("to", time(pack.scope().to()));
  }

  private static void optional(JsonGenerator g, String name, String value) {
    if (value != null) {
      g.write(name, value);
    }
  }

  static String time(Instant instant) {
    return instant.toString();
  }
}
