package dev.agenttrail.domain.signal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** For each signal built so far: a scenario that must fire it and a near miss that must not. */
class DetectionTest {

  private static final String AGENT = "spiffe://acme.example/agents/billing";

  private final InMemoryDetectionState state = new InMemoryDetectionState();
  private final Detection detection = Detection.withDefaults();
  private long seq;

  private List<Firing> observe(String json) {
    String event = json.replace("$AGENT", AGENT);
    return detection.observe(new Observation(++seq, Json.createReader(new StringReader(event)).readObject()), state);
  }

  private static String at(int minute) {
    return Instant.parse("2026-11-23T08:00:00Z").plusSeconds(60L * minute).toString();
  }

  private void startTask(String declared) {
    assertThat(observe("{\"type\":\"task.started\",\"occurredAt\":\"" + at(0) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},"
        + "\"declared\":" + declared + "}")).isEmpty();
  }

  private List<Firing> tool(String type, String tool, String outcome, int minute) {
    return observe("{\"type\":\"" + type + "\",\"occurredAt\":\"" + at(minute) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},"
        + "\"action\":{\"tool\":\"" + tool + "\"}" + (outcome == null ? "" : ",\"decision\":{\"outcome\":\"" + outcome + "\"}") + "}");
  }

  @Test
  void shouldFireUndeclaredToolForAToolTheTaskDidNotDeclare() {
    startTask("{\"tools\":[\"crm.lookup\",\"payments.*\"]}");

    List<Firing> firings = tool("tool.invocation", "shell.exec", null, 1);

    assertThat(firings).singleElement().satisfies(f -> {
      assertThat(f.signal()).isEqualTo("UNDECLARED_TOOL");
      assertThat(f.task()).isEqualTo("T-7");
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.explanation()).contains("'shell.exec'").contains("task T-7").contains("crm.lookup, payments.*");
    });
    assertThat(tool("action.state_change", "files.delete", null, 2)).extracting(Firing::severity).containsExactly(Severity.HIGH);
  }

  @Test
  void shouldNotFireUndeclaredToolForADeclaredToolOrWithoutADeclaration() {
    startTask("{\"tools\":[\"crm.lookup\",\"payments.*\"]}");
    assertThat(tool("tool.invocation", "crm.lookup", null, 1)).isEmpty();
    assertThat(tool("tool.invocation", "payments.refund", null, 2)).isEmpty();
    assertThat(observe("{\"type\":\"tool.invocation\",\"occurredAt\":\"" + at(3) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"OTHER\"},"
        + "\"action\":{\"tool\":\"shell.exec\"}}")).isEmpty();
  }

  @Test
  void shouldUseTheWorkflowDeclaredForTheAgentWhenTheTaskDeclaredNothing() {
    state.declareWorkflow(AGENT, "refunds", new Declaration(Set.of("payments.refund"), Set.of(), null, true, null));
    List<Firing> firings = observe("{\"type\":\"tool.invocation\",\"occurredAt\":\"" + at(1) + "\",\"agent\":{\"id\":\"$AGENT\","
        + "\"workflow\":\"refunds\"},\"action\":{\"tool\":\"payments.payout\"}}");
    assertThat(firings).extracting(Firing::signal).containsExactly("UNDECLARED_TOOL");
  }

  @Test
  void shouldFireDenyThenOverrideAfterThreeDenialsAndAnAllow() {
    List<Firing> all = new ArrayList<>();
    all.addAll(tool("policy.decision", "payments.refund", "deny", 1));
    all.addAll(tool("policy.decision", "payments.refund", "deny", 3));
    all.addAll(tool("policy.decision", "payments.refund", "deny", 5));
    assertThat(all).isEmpty();

    List<Firing> firings = tool("policy.decision", "payments.refund", "override", 6);

    assertThat(firings).singleElement().satisfies(f -> {
      assertThat(f.signal()).isEqualTo("DENY_THEN_OVERRIDE");
      assertThat(f.evidence()).containsExactly(1L, 2L, 3L, 4L);
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.explanation()).contains("denied 'payments.refund' 3 times within 15 minutes");
    });
  }

  @Test
  void shouldNotFireDenyThenOverrideForTwoDenialsThenAnAllowOrForOldDenials() {
    tool("policy.decision", "payments.refund", "deny", 1);
    tool("policy.decision", "payments.refund", "deny", 2);
    assertThat(tool("policy.decision", "payments.refund", "allow", 3)).isEmpty();

    tool("policy.decision", "crm.export", "deny", 10);
    tool("policy.decision", "crm.export", "deny", 11);
    tool("policy.decision", "crm.export", "deny", 12);
    assertThat(tool("policy.decision", "crm.export", "allow", 40)).isEmpty();
  }

  @Test
  void shouldFireScopeExpansionAboveTheClassificationOrOutsideTheScopes() {
    startTask("{\"dataScopes\":[\"crm.customers\"],\"maxClassification\":\"internal\"}");
    List<Firing> above = observe("{\"type\":\"data.access\",\"occurredAt\":\"" + at(1) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},"
        + "\"data\":{\"classification\":\"restricted\",\"scope\":\"crm.customers\"}}");
    List<Firing> outside = observe("{\"type\":\"data.access\",\"occurredAt\":\"" + at(2) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},"
        + "\"data\":{\"classification\":\"internal\",\"scope\":\"hr.salaries\"}}");

    assertThat(above).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.explanation()).contains("read restricted data although the task allows at most internal");
    });
    assertThat(outside).singleElement().satisfies(f -> assertThat(f.explanation()).contains("'hr.salaries'"));
  }

  @Test
  void shouldNotFireScopeExpansionWithinTheDeclaredScope() {
    startTask("{\"dataScopes\":[\"crm.*\"],\"maxClassification\":\"confidential\"}");
    assertThat(observe("{\"type\":\"data.access\",\"occurredAt\":\"" + at(1) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},"
        + "\"data\":{\"classification\":\"confidential\",\"scope\":\"crm.orders\"}}")).isEmpty();
  }
}
