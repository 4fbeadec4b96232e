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

  private static List<Firing> only(String signal, List<Firing> firings) {
    return firings.stream().filter(f -> f.signal().equals(signal)).toList();
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
    assertThat(only("UNDECLARED_TOOL", tool("action.state_change", "files.delete", null, 2)))
        .extracting(Firing::severity).containsExactly(Severity.HIGH);
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

    assertThat(only("SCOPE_EXPANSION", above)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.explanation()).contains("read restricted data although the task allows at most internal");
    });
    assertThat(only("SCOPE_EXPANSION", outside)).singleElement().satisfies(f -> assertThat(f.explanation()).contains("'hr.salaries'"));
  }

  @Test
  void shouldNotFireScopeExpansionWithinTheDeclaredScope() {
    startTask("{\"dataScopes\":[\"crm.*\"],\"maxClassification\":\"confidential\"}");
    assertThat(only("SCOPE_EXPANSION", observe("{\"type\":\"data.access\",\"occurredAt\":\"" + at(1) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},"
        + "\"data\":{\"classification\":\"confidential\",\"scope\":\"crm.orders\"}}"))).isEmpty();
  }

  private List<Firing> credential(String type, String agent, String credential, int minute, String extra) {
    return observe("{\"type\":\"" + type + "\",\"occurredAt\":\"" + at(minute) + "\",\"agent\":{\"id\":\"" + agent
        + "\",\"task\":\"T-7\"},\"credential\":{\"id\":\"" + credential + "\"" + extra + "}}");
  }

  @Test
  void shouldFireSharedCredentialWhenASecondAgentUsesIt() {
    assertThat(credential("credential.used", AGENT, "tok-1", 1, "")).isEmpty();
    assertThat(credential("credential.used", AGENT, "tok-1", 2, "")).isEmpty();
    List<Firing> firings = only("SHARED_CREDENTIAL", credential("credential.used", "spiffe://acme.example/agents/other", "tok-1", 3, ""));
    assertThat(firings).singleElement().satisfies(f -> {
      assertThat(f.evidence()).containsExactly(1L, 3L);
      assertThat(f.explanation()).contains("'tok-1'").contains(AGENT);
    });
    assertThat(only("SHARED_CREDENTIAL", credential("credential.used", "spiffe://acme.example/agents/other", "tok-2", 4, ""))).isEmpty();
  }

  @Test
  void shouldFireCredentialOverstayForAnOverlongLifetimeAndUseAfterExpiryOrCompletion() {
    String issuedAt = ",\"issuedAt\":\"" + at(0) + "\"";
    assertThat(only("CREDENTIAL_OVERSTAY", credential("credential.issued", AGENT, "long", 0, issuedAt + ",\"expiresAt\":\"" + at(180) + "\"")))
        .singleElement().satisfies(f -> assertThat(f.explanation()).contains("issued for 180 minutes; the maximum is 60"));

    credential("credential.issued", AGENT, "short", 0, issuedAt + ",\"expiresAt\":\"" + at(30) + "\"");
    assertThat(only("CREDENTIAL_OVERSTAY", credential("credential.used", AGENT, "short", 20, ""))).isEmpty();
    assertThat(only("CREDENTIAL_OVERSTAY", credential("credential.used", AGENT, "short", 31, ""))).singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("after it expired"));

    credential("credential.issued", AGENT, "task-bound", 0, issuedAt + ",\"expiresAt\":\"" + at(60) + "\"");
    observe("{\"type\":\"task.completed\",\"occurredAt\":\"" + at(10) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"}}");
    assertThat(only("CREDENTIAL_OVERSTAY", credential("credential.used", AGENT, "task-bound", 12, ""))).singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("after its task T-7 completed"));
  }

  @Test
  void shouldFireUntraceableActionForAStateChangeWithoutAuthoriserOrIntent() {
    List<Firing> firings = only("UNTRACEABLE_ACTION", observe("{\"type\":\"action.state_change\",\"occurredAt\":\"" + at(1)
        + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},\"action\":{\"tool\":\"db.write\"},\"decision\":{\"outcome\":\"allow\"}}"));
    assertThat(firings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.explanation()).contains("does not say who authorised it, why (intent)");
    });
  }

  @Test
  void shouldNotFireUntraceableActionWhenTheActionIsExplainedOrDenied() {
    assertThat(only("UNTRACEABLE_ACTION", observe("{\"type\":\"action.state_change\",\"occurredAt\":\"" + at(1)
        + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},\"action\":{\"tool\":\"db.write\"},"
        + "\"decision\":{\"outcome\":\"allow\",\"authorizedBy\":\"user:amy\"},\"intent\":\"fix order 17\"}"))).isEmpty();
    assertThat(only("UNTRACEABLE_ACTION", observe("{\"type\":\"action.state_change\",\"occurredAt\":\"" + at(2)
        + "\",\"agent\":{\"id\":\"$AGENT\"},\"action\":{\"tool\":\"db.write\"},\"decision\":{\"outcome\":\"deny\"}}"))).isEmpty();
  }
}
