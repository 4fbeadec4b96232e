package dev.agenttrail.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

  private final EventValidator validator = new EventValidator(64 * 1024);

  private static JsonValue parse(String json) {
    return Json.createReader(new StringReader(json)).readValue();
  }

  private List<Violation> validate(String json) {
    return validator.validate(3, parse(json));
  }

  @Test
  void shouldAcceptAFullEvent() {
    String json = """
        {"specVersion":"1","id":"e-1","source":"prod-gw","occurredAt":"2026-11-23T08:15:00.123+01:00",
         "type":"tool.invocation",
         "agent":{"id":"spiffe://acme/agents/billing","session":"s1","task":"T-7","workflow":"refunds","onBehalfOf":"amy"},
         "declared":{"tools":["payments.refund"],"dataScopes":["crm"],"maxClassification":"internal",
                     "stateChangingAllowed":true,"expiresAt":"2026-11-23T09:00:00Z"},
         "action":{"tool":"payments.refund","operation":"create","resource":"order/1","stateChanging":true,"approvalId":"ap-1"},
         "decision":{"outcome":"allow","policy":"refunds","policyVersion":"7","reason":"ok","authorizedBy":"role:ops","mode":"enforce"},
         "data":{"classification":"confidential","scope":"crm","records":3},
         "credential":{"id":"tok-1","kind":"oauth","issuedAt":"2026-11-23T08:00:00Z","expiresAt":"2026-11-23T08:30:00Z"},
         "approval":{"id":"ap-1","status":"approved","approver":"lee"},
         "intent":"refund a duplicate charge","traceId":"abc","attributes":{"anything":[1,{"x":null}]}}
        """;
    assertThat(validate(json)).isEmpty();
  }

  @Test
  void shouldNameEveryProblemWithItsPointer() {
    String json = """
        {"id":"bad id!","occurredAt":"yesterday","type":"tool.used","agent":{"session":"s"},
         "decision":{"reason":"x"},"data":{"records":-1,"classification":"secret"},"extra":1,
         "declared":{"tools":["ok", 5]}}
        """;
    assertThat(validate(json))
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder("/id", "/occurredAt", "/type", "/agent/id", "/decision/outcome",
            "/data/records", "/data/classification", "/extra", "/declared/tools/1");
    assertThat(validate(json)).allSatisfy(v -> assertThat(v.index()).isEqualTo(3));
  }

  @Test
  void shouldRequireTheFourRequiredProperties() {
    assertThat(validate("{}")).extracting(Violation::message)
        .containsExactly("required property 'agent' is missing", "required property 'id' is missing",
            "required property 'occurredAt' is missing", "required property 'type' is missing");
  }

  @Test
  void shouldRejectAnythingButAnObject() {
    assertThat(validate("[1]")).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("an event must be a JSON object, not an array"));
  }

  @Test
  void shouldCountCharactersNotBytesForLengthLimits() {
    String intent = "é".repeat(4096);
    String json = "{\"id\":\"e\",\"occurredAt\":\"2026-11-23T08:15:00Z\",\"type\":\"audit.note\",\"agent\":{\"id\":\"a\"},\"intent\":\"" + intent + "\"}";
    assertThat(validate(json)).isEmpty();
    assertThat(validate(json.replace(intent, intent + "x"))).extracting(Violation::pointer).containsExactly("/intent");
  }

  @Test
  void shouldLimitAttributesSize() {
    String big = "x".repeat(64 * 1024);
    String json = "{\"id\":\"e\",\"occurredAt\":\"2026-11-23T08:15:00Z\",\"type\":\"audit.note\",\"agent\":{\"id\":\"a\"},\"attributes\":{\"k\":\"" + big + "\"}}";
    assertThat(validate(json)).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/attributes");
      assertThat(v.message()).contains("the limit is 65536");
    });
  }

  @Test
  void shouldEscapePointerTokens() {
    String json = "{\"id\":\"e\",\"occurredAt\":\"2026-11-23T08:15:00Z\",\"type\":\"audit.note\",\"agent\":{\"id\":\"a\",\"a/b~c\":1}}";
    assertThat(validate(json)).extracting(Violation::pointer).containsExactly("/agent/a~1b~0c");
  }

  @Test
  void shouldStoreTimestampsInUtcAndFillTheSource() {
    JsonObject event = parse("""
        {"id":"e-1","occurredAt":"2026-11-23T09:15:00.5+01:00","type":"tool.invocation",
         "agent":{"id":"a1","task":"T1"},"action":{"tool":"search"},"decision":{"outcome":"deny"}}
        """).asJsonObject();
    EventRecord record = EventRecord.of("prod-gw", event);
    assertThat(record.occurredAt()).hasToString("2026-11-23T08:15:00.500Z");
    assertThat(record.canonical()).isEqualTo("{\"action\":{\"tool\":\"search\"},\"agent\":{\"id\":\"a1\",\"task\":\"T1\"},"
        + "\"decision\":{\"outcome\":\"deny\"},\"id\":\"e-1\",\"occurredAt\":\"2026-11-23T08:15:00.500Z\","
        + "\"source\":\"prod-gw\",\"type\":\"tool.invocation\"}");
    assertThat(record.tool()).isEqualTo("search");
    assertThat(record.outcome()).isEqualTo("deny");
    assertThat(record.task()).isEqualTo("T1");
  }

  @Test
  void shouldNormaliseNestedTimestampsToUtc() {
    JsonObject event = parse("""
        {"id":"c-1","occurredAt":"2026-11-23T08:15:00Z","type":"credential.issued","agent":{"id":"a1"},
         "credential":{"id":"tok","issuedAt":"2026-11-23T10:15:00+02:00","expiresAt":"2026-11-23T09:15:00+01:00"}}
        """).asJsonObject();
    assertThat(EventRecord.of("gw", event).canonical())
        .contains("\"credential\":{\"expiresAt\":\"2026-11-23T08:15:00Z\",\"id\":\"tok\",\"issuedAt\":\"2026-11-23T08:15:00Z\"}");
  }
}
