package dev.agenttrail.reports.pdf;

import dev.agenttrail.domain.coverage.CoverageState;
import dev.agenttrail.domain.coverage.EntryCoverage;
import dev.agenttrail.domain.coverage.FrameworkCoverage;
import dev.agenttrail.reports.evidence.ControlStatus;
import dev.agenttrail.reports.evidence.EscalationCase;
import dev.agenttrail.reports.evidence.EvidencePack;
import dev.agenttrail.reports.evidence.EvidencePackRenderer;
import dev.agenttrail.reports.evidence.IncidentRecord;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The review board's PDF: cover, executive summary with charts, coverage matrix per framework,
 * every incident, escalations, runtime controls, ledger verification, method and catalog versions.
 * Text only depends on the pack, so the same pack gives the same text.
 */
public final class PdfEvidencePackRenderer implements EvidencePackRenderer {

  static final String[] SECTIONS = {
    "Executive summary", "Coverage matrix", "Incidents", "Escalations", "Runtime controls",
    "Ledger verification", "Method and catalog versions"
  };
  private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
  private static final Color EVIDENCED = new Color(46, 125, 50);
  private static final Color FAILING = new Color(198, 40, 40);
  private static final Color NOT_EVIDENCED = new Color(176, 176, 176);
  private static final Color BAR = new Color(33, 97, 140);

  @Override
  public void render(EvidencePack pack, OutputStream out) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("AgentTrail evidence pack " + period(pack));
      info.setCreator("AgentTrail " + pack.agentTrailVersion());
      info.setProducer("AgentTrail reports (Apache PDFBox)");
      Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      created.setTimeInMillis(pack.generatedAt().toEpochMilli());
      info.setCreationDate(created);
      String header = "AgentTrail evidence pack   Period " + period(pack) + "   Generated " + pack.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      try (PageWriter w = new PageWriter(document, header)) {
        cover(w, pack);
        summary(w, pack);
        coverage(w, pack);
        incidents(w, pack);
        escalations(w, pack);
        controls(w, pack);
        ledger(w, pack);
        method(w, pack);
      }
      document.save(out);
    }
  }

  private static String period(EvidencePack pack) {
    return pack.scope().from() + " to " + pack.scope().to();
  }

  private void cover(PageWriter w, EvidencePack pack) throws IOException {
    w.section("AgentTrail evidence pack");
    w.gap(10);
    w.strong("Period: " + period(pack) + " (UTC, end exclusive)", 0);
    w.paragraph("Frameworks: " + String.join(", ", pack.catalogVersions()), 0);
    w.paragraph("Agents: " + (pack.scope().allAgents() ? "all agents" : String.join(", ", pack.scope().agents())), 0);
    w.paragraph("Generated: " + pack.generatedAt() + " by AgentTrail " + pack.agentTrailVersion(), 0);
    w.paragraph("Pack id: " + pack.id(), 0);
    w.gap(14);
    w.paragraph("This document summarises what AgentTrail's tamper-evident ledger shows about the runtime"
        + " controls of AI agents in the period. The machine-readable evidence beside it in the pack"
        + " (events.ndjson, incidents.json, escalations.json, coverage.json, assessment-results.json) is"
        + " listed with its SHA-256 in manifest.json, which manifest.jws signs; an auditor can check all of"
        + " it offline with 'java -jar agenttrail.jar verify pack.zip'. Framework entries are reported as"
        + " evidenced, failing or not evidenced; nothing here asserts compliance.", 0);
  }

  private void summary(PageWriter w, EvidencePack pack) throws IOException {
    w.section(SECTIONS[0]);
    w.strong(String.format(Locale.ROOT, "Events: %,d from %,d agents", pack.events().count(), pack.events().byAgent().size()), 0);
    Map<String, Long> bySeverity = new TreeMap<>();
    Map<String, Long> byStatus = new TreeMap<>();
    for (IncidentRecord i : pack.incidents()) {
      bySeverity.merge(i.severity().toUpperCase(Locale.ROOT), 1L, Long::sum);
      byStatus.merge(i.status().toUpperCase(Locale.ROOT), 1L, Long::sum);
    }
    w.strong("Incidents: " + pack.incidents().size(), 0);
    w.subheading(null, "Incidents by severity");
    List<String> labels = new ArrayList<>();
    List<long[]> values = new ArrayList<>();
    for (String s : SEVERITIES) {
      labels.add(s.toLowerCase(Locale.ROOT));
      values.add(new long[] {bySeverity.getOrDefault(s, 0L)});
    }
    bySeverity.keySet().stream().filter(s -> !SEVERITIES.contains(s)).forEach(s -> {
      labels.add(s.toLowerCase(Locale.ROOT));
      values.add(new long[] {bySeverity.get(s)});
    });
    w.barChart(labels, values, new Color[] {BAR}, null);
    w.subheading(null, "Incidents by status");
    if (byStatus.isEmpty()) {
      w.muted("No incidents in the period.", 0);
    } else {
      w.barChart(byStatus.keySet().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(),
          byStatus.values().stream().map(v -> new long[] {v}).toList(), new Color[] {BAR}, null);
    }
    w.subheading(null, "Escalations");
    if (!pack.escalationsAvailable()) {
      w.paragraph("Escalations are not reported by this installation yet.", 0);
    } else {
      long breached = pack.escalations().stream().filter(EscalationCase::deadlineBreached).count();
      w.paragraph(pack.escalations().size() + " escalations, " + breached + " deadline breaches.", 0);
    }
    w.subheading(null, "Coverage per framework");
    w.barChart(pack.coverage().stream().map(FrameworkCoverage::key).toList(),
        pack.coverage().stream().map(f -> new long[] {f.count(CoverageState.EVIDENCED), f.count(CoverageState.FAILING),
            f.count(CoverageState.NOT_EVIDENCED)}).toList(),
        new Color[] {EVIDENCED, FAILING, NOT_EVIDENCED}, List.of("evidenced", "failing", "not evidenced"));
  }

  private void coverage(PageWriter w, EvidencePack pack) throws IOException {
    PDOutlineItem section = w.section(SECTIONS[1]);
    w.paragraph("Evidenced: a runtime control mapped to the entry has events in the period showing it working,"
        + " and no open or acknowledged incident maps to it. Failing: an open or acknowledged incident maps to"
        + " the entry, directly or through a control its signal tests. Not evidenced: neither; this is never"
        + " to be read as compliant.", 0);
    float[] widths = {75, 175, 75, PageWriter.WIDTH - 325};
    for (FrameworkCoverage f : pack.coverage()) {
      w.subheading(section, f.title() + " (" + f.key() + ")");
      w.row(new String[] {"Entry", "Title", "State", "Evidenced by / failing through"}, widths, true);
      for (EntryCoverage e : f.entries()) {
        String why;
        if (e.state() == CoverageState.FAILING) {
          why = "incidents " + e.failingIncidents().stream().map(String::valueOf).collect(Collectors.joining(", "));
        } else if (e.state() == CoverageState.EVIDENCED) {
          why = e.evidencingControls().stream().map(c -> c.value() + " (" + e.controlEvidence().get(c) + " events)")
              .collect(Collectors.joining(", "));
        } else {
          why = e.controlEvidence().isEmpty() ? "no runtime control maps here"
              : "no events for " + e.controlEvidence().keySet().stream().map(c -> c.value()).sorted()
                  .collect(Collectors.joining(", "));
        }
        w.row(new String[] {e.entry().entryId(), e.label(), e.state().label(), why}, widths, false);
      }
    }
  }

  private void incidents(PageWriter w, EvidencePack pack) throws IOException {
    PDOutlineItem section = w.section(SECTIONS[2]);
    if (pack.incidents().isEmpty()) {
      w.paragraph("No incidents in the period and scope.", 0);
      return;
    }
    for (IncidentRecord i : pack.incidents()) {
      w.subheading(section, "Incident " + i.id() + ": " + i.signal());
      w.paragraph("Severity " + i.severity().toLowerCase(Locale.ROOT) + ", status " + i.status().toLowerCase(Locale.ROOT)
          + (i.agentId() == null ? "" : ", agent " + i.agentId())
          + (i.source() == null ? "" : ", source " + i.source())
          + (i.task() == null ? "" : ", task " + i.task()), 0);
      w.paragraph("Opened " + i.openedAt() + ", first seen " + i.firstSeen() + ", last seen " + i.lastSeen(), 0);
      w.strong("What happened", 0);
      w.paragraph(i.explanation(), 10);
      w.strong("Mappings", 0);
      if (i.mappings().isEmpty()) {
        w.paragraph("none", 10);
      }
      for (IncidentRecord.MappingRow m : i.mappings()) {
        w.paragraph(m.framework() + "@" + m.version() + ":" + m.entry() + " (" + m.provenance() + ")"
            + (m.rationale() == null ? "" : ": " + m.rationale()), 10);
      }
      w.strong("Evidence (ledger seq)", 0);
      w.paragraph(i.evidenceSeqs().isEmpty() ? "none" : i.evidenceSeqs().stream().map(String::valueOf)
          .collect(Collectors.joining(", ")), 10);
      w.strong("Lifecycle", 0);
      for (IncidentRecord.Transition t : i.history()) {
        w.paragraph(t.at() + "  " + (t.from() == null ? "opened as " : t.from().toLowerCase(Locale.ROOT) + " to ")
            + t.to().toLowerCase(Locale.ROOT) + " by " + t.actor() + (t.reason() == null ? "" : ": " + t.reason()), 10);
      }
      w.gap(6);
    }
  }

  private void escalations(PageWriter w, EvidencePack pack) throws IOException {
    w.section(SECTIONS[3]);
    if (!pack.escalationsAvailable()) {
      w.paragraph("Escalations are not reported by this installation yet: no escalation cases were read.", 0);
      return;
    }
    if (pack.escalations().isEmpty()) {
      w.paragraph("No escalation cases in the period and scope.", 0);
      return;
    }
    for (EscalationCase c : pack.escalations()) {
      w.strong("Case " + c.id() + ": " + c.state() + (c.deadlineBreached() ? " (deadline breached)" : ""), 0);
      w.paragraph((c.agentId() == null ? "" : "Agent " + c.agentId() + ", ") + (c.action() == null ? "" : "action " + c.action() + ", ")
          + "opened " + c.openedAt() + (c.decidedAt() == null ? ", not decided"
              : ", decided " + c.decision() + " by " + c.decider() + " at " + c.decidedAt()), 10);
      for (EscalationCase.Level l : c.levels()) {
        w.paragraph("Level " + l.level() + ": " + String.join(", ", l.approvers()) + ", reached " + time(l.reachedAt())
            + ", deadline " + time(l.deadline()), 20);
      }
    }
  }

  private void controls(PageWriter w, EvidencePack pack) throws IOException {
    w.section(SECTIONS[4]);
    float[] widths = {55, 200, 70, PageWriter.WIDTH - 325};
    w.row(new String[] {"Control", "Name", "State", "Evidence events / failing incidents"}, widths, true);
    for (ControlStatus c : pack.controls()) {
      w.row(new String[] {c.id(), c.name(), c.state().label(), c.evidenceEvents() + " events"
          + (c.failingIncidents().isEmpty() ? "" : "; incidents " + c.failingIncidents().stream().map(String::valueOf)
              .collect(Collectors.joining(", ")))}, widths, false);
    }
  }

  private void ledger(PageWriter w, EvidencePack pack) throws IOException {
    w.section(SECTIONS[5]);
    var l = pack.ledger();
    w.strong("Whole ledger at generation: " + (l.verified() ? "verified" : "NOT verified") + ", " + l.count() + " entries", 0);
    w.paragraph("Head hash: " + (l.head() == null ? "(empty ledger)" : l.head()), 0);
    if (l.problem() != null) {
      w.paragraph("Problem: " + l.problem(), 0);
    }
    var e = pack.events();
    w.gap(6);
    w.strong("Segment in this pack: " + e.count() + " entries in " + e.runs() + " contiguous runs", 0);
    if (e.count() > 0) {
      w.paragraph("First: seq " + e.firstSeq() + ", hash " + e.firstHash() + " (previous " + e.firstPreviousHash() + ")", 0);
      w.paragraph("Last: seq " + e.lastSeq() + ", hash " + e.lastHash(), 0);
    }
    w.paragraph("Each line of events.ndjson carries seq, the previous entry's hash, the entry's hash and the canonical"
        + " event exactly as stored; hash = SHA-256(previous hash bytes || UTF-8 bytes of the event). The verifier"
        + " recomputes every hash and checks that consecutive seqs chain.", 0);
  }

  private void method(PageWriter w, EvidencePack pack) throws IOException {
    w.section(SECTIONS[6]);
    w.paragraph("Events are the records enforcement points sent, kept once each in an append-only ledger in RFC 8785"
        + " canonical form and chained by SHA-256. Detectors evaluate the failure signals of the control library over"
        + " the ledger and open incidents mapped to framework entries (provenance: published crosswalk, product"
        + " judgement or manual). Control evidence is the count of events showing a runtime control working, per UTC"
        + " day, agent and control. Coverage states are computed from that evidence and the incidents of the period.", 0);
    w.strong("Catalog versions", 0);
    for (String v : pack.catalogVersions()) {
      w.paragraph(v, 10);
    }
    w.strong("AgentTrail version", 0);
    w.paragraph(pack.agentTrailVersion(), 10);
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : instant.toString();
  }
}
