package dev.agenttrail.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.domain.event.EventValidator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CloudEventMapperTest {

  static final String DATA = """
      {"agent": {"id": "spiffe://acme.example/agents/billing", "task": "T-7"}, "action": {"tool": "payments.refund"},
       "attributes": {"amount": 12}}""";

  static final String CLOUD_EVENT = """
      {"specversion": "1.0", "id": "ce-4711", "source": "https://gw.acme.example/agents", "type": "dev.agenttrail.tool.invocation",
       "subject": "payments.refund", "time": "2026-11-23T08:15:00.5+01:00", "datacontenttype": "application/json",
       "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
       "data": %s}""".formatted(DATA);

  static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  static CloudEventMapper.Mapped map(String json) {
    return new CloudEventMapper().map(2, parse(json));
  }

  @Test
  void shouldMapAStructuredCloudEvent() {
    CloudEventMapper.Mapped mapped = map(CLOUD_EVENT);

    assertThat(mapped.problems()).isEmpty();
    JsonObject e = mapped.event();
    assertThat(e.getString("id")).isEqualTo("ce-4711");
    assertThat(e.getString("type")).isEqualTo("tool.invocation");
    assertThat(e.getString("occurredAt")).isEqualTo("2026-11-23T08:15:00.5+01:00");
    assertThat(e.getString("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(e.getJsonObject("action").getString("tool")).isEqualTo("payments.refund");
    assertThat(e.getJsonObject("attributes").getInt("amount")).isEqualTo(12);
    JsonObject ce = e.getJsonObject("attributes").getJsonObject("cloudevents");
    assertThat(ce.getString("source")).isEqualTo("https://gw.acme.example/agents");
    assertThat(ce.getString("subject")).isEqualTo("payments.refund");
    assertThat(ce.getString("type")).isEqualTo("dev.agenttrail.tool.invocation");
    assertThat(ce.containsKey("data")).isFalse();
    assertThat(new EventValidator(65536).validate(0, e)).isEmpty();
  }

  @Test
  void shouldPreferTheIdAndTimeTheDataCarries() {
    String own = CLOUD_EVENT.replace("\"agent\": {", "\"id\": \"evt-1\", \"occurredAt\": \"2026-11-23T07:00:00Z\", \"agent\": {");
    JsonObject e = map(own).event();
    assertThat(e.getString("id")).isEqualTo("evt-1");
    assertThat(e.getString("occurredAt")).isEqualTo("2026-11-23T07:00:00Z");
  }

  @Test
  void shouldAcceptEveryEventTypeAndTheDocumentedSpellings() {
    assertThat(CloudEventTypes.eventType("dev.agenttrail.approval.requested")).contains("approval.requested");
    assertThat(CloudEventTypes.eventType("policy.decision")).contains("policy.decision");
    assertThat(CloudEventTypes.eventType("mcp.tool.call")).contains("tool.invocation");
    assertThat(CloudEventTypes.eventType("authz.decision")).contains("policy.decision");
    assertThat(CloudEventTypes.all()).hasSize(14 * 2 + 11);
    JsonObject e = map(CLOUD_EVENT.replace("dev.agenttrail.tool.invocation", "agent.tool.invoked")).event();
    assertThat(e.getString("type")).isEqualTo("tool.invocation");
  }

  @Test
  void shouldNameAnUnknownTypeAndTheTable() {
    CloudEventMapper.Mapped mapped = map(CLOUD_EVENT.replace("dev.agenttrail.tool.invocation", "com.example.order.created"));
    assertThat(mapped.event()).isNull();
    assertThat(mapped.problems()).singleElement().satisfies(v -> {
      assertThat(v.index()).isEqualTo(2);
      assertThat(v.pointer()).isEqualTo("/type");
      assertThat(v.message()).contains("'com.example.order.created'").contains("dev.agenttrail.tool.invocation")
          .contains("Native intake");
    });
  }

  @Test
  void shouldReadDataBase64AndRefuseDataThatIsNotJson() {
    String b64 = Base64.getEncoder().encodeToString(DATA.getBytes(StandardCharsets.UTF_8));
    String encoded = CLOUD_EVENT.replace("\"data\": " + DATA, "\"data_base64\": \"" + b64 + "\"");
    assertThat(map(encoded).event().getJsonObject("agent").getString("task")).isEqualTo("T-7");

    CloudEventMapper.Mapped xml = map(CLOUD_EVENT.replace("\"application/json\"", "\"application/xml\""));
    assertThat(xml.problems()).extracting(v -> v.pointer()).containsExactly("/datacontenttype");
  }

  @Test
  void shouldListEveryMissingContextAttribute() {
    CloudEventMapper.Mapped mapped = map("{\"specversion\": \"0.3\", \"data\": {}}");
    assertThat(mapped.problems()).extracting(v -> v.pointer()).containsExactly("/specversion", "/id", "/source", "/type");
    CloudEventMapper.Mapped timeless = map(CLOUD_EVENT.replace("\"time\": \"2026-11-23T08:15:00.5+01:00\",", ""));
    assertThat(timeless.problems()).extracting(v -> v.pointer()).containsExactly("/time");
    CloudEventMapper.Mapped clash = map(CLOUD_EVENT.replace("\"agent\": {", "\"type\": \"policy.decision\", \"agent\": {"));
    assertThat(clash.problems()).extracting(v -> v.pointer()).containsExactly("/data/type");
  }

  @Test
  void shouldReadTheBinaryModeFromCeHeaders() {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Ce-Id", "ce-4712");
    headers.put("ce-specversion", "1.0");
    headers.put("ce-type", "dev.agenttrail.policy.decision");
    headers.put("ce-source", "/gw/eu-1");
    headers.put("ce-time", "2026-11-23T08:15:00Z");
    headers.put("ce-subject", "caf%C3%A9%20menu");
    headers.put("Authorization", "Bearer secret");
    JsonObject ce = CloudEventMapper.fromBinary(headers, "application/json; charset=utf-8",
        parse("{\"agent\": {\"id\": \"a1\"}, \"decision\": {\"outcome\": \"deny\"}}"));

    assertThat(ce.getString("id")).isEqualTo("ce-4712");
    assertThat(ce.getString("subject")).isEqualTo("café menu");
    assertThat(ce.containsKey("authorization")).isFalse();
    JsonObject e = new CloudEventMapper().map(0, ce).event();
    assertThat(e.getString("type")).isEqualTo("policy.decision");
    assertThat(e.getJsonObject("attributes").getJsonObject("cloudevents").getString("source")).isEqualTo("/gw/eu-1");
    assertThat(CloudEventMapper.percentDecode("100%")).isEqualTo("100%");
  }

  @Test
  void shouldDocumentEverySpellingInTheReadme() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("### CloudEvents"), readme.indexOf("## Configuration"));
    for (var e : CloudEventTypes.all().entrySet()) {
      if (!e.getKey().equals(e.getValue()) && !e.getKey().equals(CloudEventTypes.PREFIX + e.getValue())) {
        assertThat(section).as("the README's CloudEvents table").contains("`" + e.getKey() + "`");
      }
    }
  }
}
