package dev.agenttrail.domain.signal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** For each signal: a scenario that must fire it and a near miss that must not. */
class DetectionTest {

  private static final String AGENT = "spiffe://acme.example/agents/billing";

  private final InMemoryDetectionState state = new InMemoryDetectionState();
  private final Detection detection = Detection.withDefaults();
  private long seq;

  private List<Firing> observe(String json) {
    String event = json.replace("$AGENT", AGENT);
    if (!event.contains("\"source\"")) {
      event = "{\"source\":\"gw\",\"id\":\"e" + (seq + 1) + "\"," + event.substring(1);
    }
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

  // -- SESSION_DRIFT

  private List<Firing> inSession(String agent, String session, String tool, int minute) {
    return observe("{\"type\":\"tool.invocation\",\"occurredAt\":\"" + at(minute) + "\",\"agent\":{\"id\":\"" + agent
        + "\",\"session\":\"" + session + "\"},\"action\":{\"tool\":\"" + tool + "\"}}");
  }

  private void usualSessions(String agent, int count) {
    for (int s = 0; s < count; s++) {
      for (String t : s % 2 == 0 ? List.of("crm.lookup", "mail.send", "kb.search") : List.of("crm.lookup", "kb.search")) {
        assertThat(only("SESSION_DRIFT", inSession(agent, "s" + s, t, s))).isEmpty();
      }
    }
  }

  @Test
  void shouldFireSessionDriftWhenASessionLooksLikeNoneOfTheLastSessions() {
    usualSessions(AGENT, 5);
    assertThat(only("SESSION_DRIFT", inSession(AGENT, "s5", "crm.lookup", 10))).isEmpty();

    // {crm.lookup, shell.exec} against the closest earlier session {crm.lookup, kb.search}: 1 - 1/3
    List<Firing> drift = only("SESSION_DRIFT", inSession(AGENT, "s5", "shell.exec", 11));

    assertThat(drift).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.task()).isEqualTo("session s5");
      assertThat(f.explanation()).contains("In session s5").contains("tool:shell.exec").contains("none of its last 5 sessions");
    });
    assertThat(only("SESSION_DRIFT", inSession(AGENT, "s5", "files.delete", 13))).as("a session fires once").isEmpty();
  }

  @Test
  void shouldNotFireSessionDriftForUsualToolsASmallChangeOrWithoutABaseline() {
    usualSessions(AGENT, 5);
    // a session with the usual tools in another mix, then one new tool among many usual ones
    assertThat(only("SESSION_DRIFT", inSession(AGENT, "s5", "kb.search", 10))).isEmpty();
    assertThat(only("SESSION_DRIFT", inSession(AGENT, "s5", "mail.send", 11))).isEmpty();
    assertThat(only("SESSION_DRIFT", inSession(AGENT, "s5", "crm.lookup", 12))).isEmpty();
    assertThat(only("SESSION_DRIFT", inSession(AGENT, "s5", "calendar.read", 13))).isEmpty();

    String fresh = "spiffe://acme.example/agents/new";
    usualSessions(fresh, 2);
    assertThat(only("SESSION_DRIFT", inSession(fresh, "s9", "shell.exec", 20))).as("no baseline before 3 sessions").isEmpty();
  }

  @Test
  void shouldMeasureJaccardDistance() {
    assertThat(SessionDriftDetector.jaccardDistance(java.util.Set.of("a", "b"), java.util.Set.of("a", "b"))).isZero();
    assertThat(SessionDriftDetector.jaccardDistance(java.util.Set.of("a", "x"), java.util.Set.of("a", "b"))).isEqualTo(1 - 1.0 / 3);
    assertThat(SessionDriftDetector.jaccardDistance(java.util.Set.of("x"), java.util.Set.of("a"))).isEqualTo(1.0);
  }

  // -- UNESCALATED_STATE_CHANGE

  private List<Firing> stateChange(String approvalId, int minute) {
    return only("UNESCALATED_STATE_CHANGE", observe("{\"type\":\"action.state_change\",\"occurredAt\":\"" + at(minute)
        + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"},\"action\":{\"tool\":\"payments.refund\""
        + (approvalId == null ? "" : ",\"approvalId\":\"" + approvalId + "\"") + "},\"decision\":{\"outcome\":\"allow\"}}"));
  }

  @Test
  void shouldFireUnescalatedStateChangeWithoutApprovalOrAfterRejectionOrExpiry() {
    state.registerApproval("gw", "ap-rejected", new dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus("17", "rejected", false, Instant.now()));
    state.registerApproval("gw", "ap-expired", new dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus("18", "expired", false, Instant.now()));
    state.registerApproval("gw", "ap-open", new dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus("19", "open", false, null));

    assertThat(stateChange(null, 1)).singleElement().satisfies(f -> assertThat(f.explanation()).contains("without an approval"));
    assertThat(stateChange("ap-rejected", 2)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.explanation()).contains("escalation case 17 was rejected");
    });
    assertThat(stateChange("ap-expired", 3)).singleElement().satisfies(f -> assertThat(f.explanation()).contains("expired"));
    assertThat(stateChange("ap-open", 4)).singleElement().satisfies(f -> assertThat(f.explanation()).contains("still open"));
    assertThat(stateChange("ap-unknown", 5)).singleElement().satisfies(f -> assertThat(f.explanation()).contains("no record"));
  }

  @Test
  void shouldNotFireUnescalatedStateChangeWhenApprovedOrAllowedByTheTaskOrDenied() {
    state.registerApproval("gw", "ap-1", new dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus("20", "approved", true, Instant.now()));
    assertThat(stateChange("ap-1", 1)).isEmpty();

    observe("{\"type\":\"approval.decided\",\"occurredAt\":\"" + at(2) + "\",\"agent\":{\"id\":\"$AGENT\"},"
        + "\"approval\":{\"id\":\"own-7\",\"status\":\"approved\",\"approver\":\"amy\"}}");
    assertThat(stateChange("own-7", 3)).as("the enforcement point's own approval").isEmpty();

    assertThat(only("UNESCALATED_STATE_CHANGE", tool("action.state_change", "payments.refund", "deny", 4))).isEmpty();

    startTask("{\"tools\":[\"payments.*\"],\"stateChangingAllowed\":true}");
    assertThat(stateChange(null, 5)).isEmpty();
  }

  // -- ENFORCEMENT_GAP

  @Test
  void shouldFireEnforcementGapAboveTheErrorRateAndForObserveMode() {
    for (int i = 0; i < 18; i++) {
      assertThat(only("ENFORCEMENT_GAP", tool("policy.decision", "crm.lookup", "allow", i / 3))).isEmpty();
    }
    assertThat(only("ENFORCEMENT_GAP", tool("policy.decision", "crm.lookup", "error", 6))).as("1 of 19 is 5.3 %")
        .singleElement().satisfies(f -> {
          assertThat(f.agentId()).isNull();
          assertThat(f.source()).isEqualTo("gw");
          assertThat(f.subject()).isEqualTo("source:gw");
          assertThat(f.explanation()).contains("1 of 19 decisions");
        });

    List<Firing> observeMode = only("ENFORCEMENT_GAP", observe("{\"type\":\"action.state_change\",\"occurredAt\":\"" + at(7)
        + "\",\"agent\":{\"id\":\"$AGENT\"},\"action\":{\"tool\":\"db.write\"},\"decision\":{\"outcome\":\"allow\",\"mode\":\"observe\"}}"));
    assertThat(observeMode).singleElement().satisfies(f -> assertThat(f.explanation()).contains("in observe mode"));
  }

  @Test
  void shouldNotFireEnforcementGapBelowTheErrorRateOrInEnforceMode() {
    for (int i = 0; i < 20; i++) {
      tool("policy.decision", "crm.lookup", "allow", i / 4);
    }
    assertThat(only("ENFORCEMENT_GAP", tool("policy.decision", "crm.lookup", "error", 5))).as("1 of 21 is 4.8 %").isEmpty();
    assertThat(only("ENFORCEMENT_GAP", observe("{\"type\":\"action.state_change\",\"occurredAt\":\"" + at(7)
        + "\",\"agent\":{\"id\":\"$AGENT\"},\"action\":{\"tool\":\"db.write\"},\"decision\":{\"outcome\":\"allow\",\"mode\":\"enforce\"}}")))
        .isEmpty();
  }

  @Test
  void shouldReportASilentSourceOnceUntilItSendsAgain() {
    tool("policy.decision", "crm.lookup", "allow", 0);
    Instant sent = Instant.parse(at(0));
    java.util.Map<String, java.time.Duration> heartbeats = java.util.Map.of("gw", java.time.Duration.ofMinutes(15));

    assertThat(detection.tick(sent.plusSeconds(14 * 60), state, heartbeats)).isEmpty();
    assertThat(detection.tick(sent.plusSeconds(16 * 60), state, heartbeats)).singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("has sent nothing since"));
    assertThat(detection.tick(sent.plusSeconds(30 * 60), state, heartbeats)).isEmpty();
  }

  // -- CREDENTIAL_OVERSTAY, the grace period

  @Test
  void shouldFireCredentialOverstayWhenNotRevokedWithinTheGracePeriod() {
    credential("credential.issued", AGENT, "late", 0, "");
    credential("credential.issued", AGENT, "never", 0, "");
    credential("credential.issued", AGENT, "in-time", 0, "");
    observe("{\"type\":\"task.completed\",\"occurredAt\":\"" + at(10) + "\",\"agent\":{\"id\":\"$AGENT\",\"task\":\"T-7\"}}");
    assertThat(only("CREDENTIAL_OVERSTAY", credential("credential.revoked", AGENT, "in-time", 12, ""))).isEmpty();
    assertThat(only("CREDENTIAL_OVERSTAY", credential("credential.revoked", AGENT, "late", 20, ""))).singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("revoked 10 minutes after its task T-7 completed"));

    Instant completedSeen = Instant.parse(at(10));
    assertThat(detection.tick(completedSeen.plusSeconds(4 * 60), state, java.util.Map.of())).isEmpty();
    assertThat(detection.tick(completedSeen.plusSeconds(6 * 60), state, java.util.Map.of())).singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("'never' was not revoked within 5 minutes"));
    assertThat(detection.tick(completedSeen.plusSeconds(7 * 60), state, java.util.Map.of())).isEmpty();
  }

  // -- block cause and control evidence

  @Test
  void shouldTellPolicyBlocksFromModelBehaviourAndIntegrationFailures() {
    startTask("{\"tools\":[\"crm.lookup\"]}");
    assertThat(cause("crm.lookup", "deny")).contains(BlockCause.POLICY);
    assertThat(cause("shell.exec", "deny")).contains(BlockCause.MODEL_BEHAVIOUR);
    assertThat(cause("crm.lookup", "error")).contains(BlockCause.INTEGRATION);
    assertThat(cause("crm.lookup", "allow")).isEmpty();
  }

  private java.util.Optional<BlockCause> cause(String tool, String outcome) {
    String json = "{\"source\":\"gw\",\"id\":\"b\",\"type\":\"policy.decision\",\"occurredAt\":\"" + at(1) + "\",\"agent\":{\"id\":\"" + AGENT
        + "\",\"task\":\"T-7\"},\"action\":{\"tool\":\"" + tool + "\"},\"decision\":{\"outcome\":\"" + outcome + "\"}}";
    return BlockCause.classify(new Observation(99, Json.createReader(new StringReader(json)).readObject()), state);
  }

  @Test
  void shouldNameTheControlsAnEventEvidences() {
    String json = "{\"source\":\"gw\",\"id\":\"c\",\"type\":\"policy.decision\",\"occurredAt\":\"" + at(1) + "\",\"agent\":{\"id\":\"" + AGENT
        + "\"},\"action\":{\"tool\":\"crm.lookup\"},\"decision\":{\"outcome\":\"deny\",\"mode\":\"enforce\"}}";
    assertThat(ControlEvidence.controls(new Observation(1, Json.createReader(new StringReader(json)).readObject())))
        .containsExactly("CTRL-02", "CTRL-06", "CTRL-09");
  }

  @Test
  void shouldRejectUnknownOrInvalidThresholds() {
    assertThat(Thresholds.DEFAULTS.with(java.util.Map.of("DENY_THEN_OVERRIDE.count", "5")).denyCount()).isEqualTo(5);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Thresholds.DEFAULTS.with(java.util.Map.of("DENY.count", "5")))
        .hasMessageContaining("There is no threshold 'DENY.count'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Thresholds.DEFAULTS.with(java.util.Map.of("ENFORCEMENT_GAP.silence", "15")))
        .hasMessageContaining("ISO 8601 duration");
  }
}
