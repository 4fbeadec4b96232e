package dev.agenttrail.reports.evidence;

import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.domain.event.HashChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An in-memory ledger that really chains (the same HashChain the server uses), with one known
 * incident and some control evidence: what the JDBC source returns, without a database.
 */
public class FakeEvidence implements EvidenceSource, EscalationFeed {

  public static final Instant FROM = Instant.parse("2026-11-16T00:00:00Z");
  public static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");
  public static final String UNICODE_AGENT = "agent-Ωμέγα-Øresund-ñ";

  public final List<LedgerLine> ledger = new ArrayList<>();
  public final List<IncidentRecord> incidents = new ArrayList<>();
  public final List<EscalationCase> escalations = new ArrayList<>();
  public final Map<ControlId, Long> evidence = new java.util.HashMap<>(Map.of(ControlId.of("CTRL-04"), 12L, ControlId.of("CTRL-06"), 3L));

  public FakeEvidence(int events) {
    String previous = HashChain.GENESIS;
    for (int seq = 1; seq <= events; seq++) {
      String agent = seq % 3 == 0 ? UNICODE_AGENT : "billing-bot";
      String payload = "{\"agent\":{\"id\":\"" + agent + "\"},\"id\":\"e" + seq
          + "\",\"occurredAt\":\"2026-11-17T08:00:0" + (seq % 10) + "Z\",\"source\":\"prod-gw\",\"type\":\"tool.invocation\"}";
      String hash = HashChain.next(previous, payload);
      ledger.add(new LedgerLine(seq, previous, hash, agent, "tool.invocation", payload));
      previous = hash;
    }
    incidents.add(new IncidentRecord(41, "SHARED_CREDENTIAL", "HIGH", "OPEN", UNICODE_AGENT, "prod-gw", "t-9",
        "Two agents, billing-bot and " + UNICODE_AGENT + ", used the same credential cred-77 within 5 minutes.",
        FROM.plusSeconds(3600), FROM.plusSeconds(3600), FROM.plusSeconds(7200), List.of(3L, 4L),
        List.of(new IncidentRecord.MappingRow("OWASP-ASI-2026", "2026", "ASI03", "product", "Shared credentials defeat per-agent identity."),
            new IncidentRecord.MappingRow("NIST-AI-RMF-1.0", "1.0", "MEASURE 2.7", "product", "Security evaluated from events.")),
        List.of(new IncidentRecord.Transition(FROM.plusSeconds(3600), "detector", null, "OPEN", "signal fired"),
            new IncidentRecord.Transition(FROM.plusSeconds(5400), "amy", "OPEN", "ACKNOWLEDGED", "looking into it"),
            new IncidentRecord.Transition(FROM.plusSeconds(6000), "amy", "ACKNOWLEDGED", "OPEN", "reopened by new evidence"))));
    escalations.add(new EscalationCase("esc-1", "billing-bot", "payments.refund", "approved", FROM.plusSeconds(100),
        FROM.plusSeconds(4000), "risk-officer", "approve",
        List.of(new EscalationCase.Level(1, List.of("role:APPROVER"), FROM.plusSeconds(100), FROM.plusSeconds(1000)),
            new EscalationCase.Level(2, List.of("user:risk-officer"), FROM.plusSeconds(1000), FROM.plusSeconds(4600)))));
  }

  @Override
  public long countEvents(PackScope scope) {
    return ledger.stream().filter(l -> scope.allAgents() || scope.agents().contains(l.agentId())).count();
  }

  @Override
  public void events(PackScope scope, Consumer<LedgerLine> sink) {
    ledger.stream().filter(l -> scope.allAgents() || scope.agents().contains(l.agentId())).forEach(sink);
  }

  @Override
  public List<IncidentRecord> incidents(PackScope scope) {
    return incidents;
  }

  @Override
  public Map<ControlId, Long> controlEvidence(PackScope scope) {
    return evidence;
  }

  @Override
  public LedgerCheck verifyLedger() {
    return new LedgerCheck(true, ledger.size(), ledger.isEmpty() ? null : ledger.get(ledger.size() - 1).hash(), null);
  }

  @Override
  public List<EscalationCase> cases(PackScope scope) {
    return escalations;
  }
}
