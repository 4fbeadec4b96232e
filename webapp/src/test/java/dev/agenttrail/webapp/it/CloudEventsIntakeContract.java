package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CloudEvents intake with the CloudEvents Java SDK as the producer: events written by its HTTP
 * binding in structured and binary mode, and a batch of events in its JSON format.
 */
interface CloudEventsIntakeContract extends Deployed {

  String CLOUDEVENTS_PATH = "api/v1/ingest/cloudevents";

  static CloudEvent cloudEvent(String id, String type, String tool) {
    String data = """
        {"agent": {"id": "spiffe://acme.example/agents/billing", "task": "T-7"}, "action": {"tool": "%s"},
         "decision": {"outcome": "allow"}}""".formatted(tool);
    return CloudEventBuilder.v1().withId(id).withSource(URI.create("https://gw.acme.example/agents"))
        .withType(type).withSubject(tool).withTime(OffsetDateTime.parse("2026-11-23T09:15:07.25+01:00"))
        .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8)).build();
  }

  /** The request the SDK's HTTP binding writes, sent with the ingest key. */
  private HttpResponse<byte[]> send(String key, CloudEvent event, boolean binary) {
    Map<String, String> headers = new HashMap<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    var writer = HttpMessageFactory.createWriter(headers::put, body::writeBytes);
    if (binary) {
      writer.writeBinary(event);
    } else {
      writer.writeStructured(event, new JsonFormat());
    }
    headers.put("Authorization", "Bearer " + key);
    return api().exchange(CLOUDEVENTS_PATH, headers, body.toByteArray());
  }

  private HttpResponse<byte[]> sendBatch(String key, List<CloudEvent> events) {
    JsonFormat format = new JsonFormat();
    StringBuilder batch = new StringBuilder("[");
    for (CloudEvent e : events) {
      batch.append(batch.length() > 1 ? "," : "").append(new String(format.serialize(e), StandardCharsets.UTF_8));
    }
    return api().exchange(CLOUDEVENTS_PATH, Map.of("Authorization", "Bearer " + key, "Content-Type", "application/cloudevents-batch+json"),
        batch.append(']').toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject json(HttpResponse<byte[]> reply) {
    return Json.createReader(new StringReader(new String(reply.body(), StandardCharsets.UTF_8))).readObject();
  }

  private JsonObject stored(Api.Source source, String id) {
    Api.Reply reply = api().get("api/v1/events/" + source.name() + "/" + id, Api.ADMIN_TOKEN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonObject("event");
  }

  @Test
  default void shouldStoreAStructuredModeCloudEvent() {
    Api.Source source = api().newSource();
    String id = UUID.randomUUID().toString();

    HttpResponse<byte[]> reply = send(source.key(), cloudEvent(id, "dev.agenttrail.tool.invocation", "crm.lookup"), false);

    assertThat(reply.statusCode()).as(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(202);
    assertThat(json(reply).getInt("accepted")).isEqualTo(1);
    JsonObject event = stored(source, id);
    assertThat(event.getString("type")).isEqualTo("tool.invocation");
    assertThat(event.getString("occurredAt")).isEqualTo("2026-11-23T08:15:07.250Z");
    assertThat(event.getJsonObject("action").getString("tool")).isEqualTo("crm.lookup");
    JsonObject ce = event.getJsonObject("attributes").getJsonObject("cloudevents");
    assertThat(ce.getString("source")).isEqualTo("https://gw.acme.example/agents");
    assertThat(ce.getString("subject")).isEqualTo("crm.lookup");
  }

  @Test
  default void shouldStoreABinaryModeCloudEventOnceHoweverOftenItIsSent() {
    Api.Source source = api().newSource();
    String id = UUID.randomUUID().toString();
    CloudEvent event = cloudEvent(id, "dev.agenttrail.policy.decision", "payments.refund");

    HttpResponse<byte[]> first = send(source.key(), event, true);
    HttpResponse<byte[]> again = send(source.key(), event, true);
    HttpResponse<byte[]> structured = send(source.key(), event, false);

    assertThat(first.statusCode()).as(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(202);
    assertThat(json(again).getInt("duplicates")).isEqualTo(1);
    assertThat(json(structured).getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("duplicate");
    JsonObject stored = stored(source, id);
    assertThat(stored.getString("type")).isEqualTo("policy.decision");
    assertThat(stored.getJsonObject("attributes").getJsonObject("cloudevents").getString("subject")).isEqualTo("payments.refund");
    assertThat(api().get("api/v1/events?source=" + source.name(), Api.ADMIN_TOKEN).json().getJsonArray("items")).hasSize(1);
  }

  @Test
  default void shouldStoreABatchAndMapCommonTypeSpellings() {
    Api.Source source = api().newSource();
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();

    HttpResponse<byte[]> reply = sendBatch(source.key(),
        List.of(cloudEvent(a, "dev.agenttrail.tool.invocation", "search"), cloudEvent(b, "mcp.tool.call", "fetch")));

    assertThat(reply.statusCode()).as(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(202);
    assertThat(json(reply).getInt("accepted")).isEqualTo(2);
    assertThat(stored(source, b).getString("type")).isEqualTo("tool.invocation");
  }

  @Test
  default void shouldRefuseAnUnknownTypeNamingItAndTheTable() {
    Api.Source source = api().newSource();
    String good = UUID.randomUUID().toString();

    HttpResponse<byte[]> reply = sendBatch(source.key(), List.of(cloudEvent(good, "dev.agenttrail.tool.invocation", "search"),
        cloudEvent(UUID.randomUUID().toString(), "com.example.order.created", "search")));

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonObject error = json(reply).getJsonArray("errors").getJsonObject(0);
    assertThat(error.getInt("index")).isEqualTo(1);
    assertThat(error.getString("pointer")).isEqualTo("/type");
    assertThat(error.getString("message")).contains("'com.example.order.created'").contains("dev.agenttrail.tool.invocation");
    assertThat(api().get("api/v1/events/" + source.name() + "/" + good, Api.ADMIN_TOKEN).status()).isEqualTo(404);
    HttpResponse<byte[]> plain = api().exchange(CLOUDEVENTS_PATH, Map.of("Authorization", "Bearer " + source.key(),
        "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(plain.statusCode()).isEqualTo(415);
  }

  @Test
  default void shouldDescribeNativeIntakeInTheOpenApiDocument() {
    assertThat(api().getServer("openapi").body()).contains("/api/v1/ingest/cloudevents").contains("/api/v1/ingest/otlp/v1/traces")
        .contains("/v1/traces").contains("/api/v1/ingest/opa").contains("application/cloudevents-batch+json");
  }
}
