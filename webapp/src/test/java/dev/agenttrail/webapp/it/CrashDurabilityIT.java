package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Durable before acknowledged" on the embedded default: runs agenttrail.jar as a user does, sends a
 * batch, kills the server JVM with SIGKILL the moment the 202 arrives, starts it again on the same
 * data directory and reads every acknowledged event back from a ledger that still verifies.
 */
class CrashDurabilityIT {

  private static final String ADMIN_TOKEN = JarServer.ADMIN_TOKEN;
  private static final HttpClient HTTP = JarServer.HTTP;

  @Test
  void shouldKeepEveryAcknowledgedEventWhenTheServerIsKilledRightAfterThe202() throws Exception {
    Path data = Files.createDirectories(Path.of(System.getProperty("it.dir"), "crash-" + UUID.randomUUID()));

    JarServer server = JarServer.start(data);
    int batch = 200;
    try {
      String base = server.ready();
      String key = json(send(base + "/api/v1/sources", ADMIN_TOKEN, "{\"name\":\"crash\"}")).getString("ingestKey");
      StringBuilder events = new StringBuilder("[");
      for (int i = 0; i < batch; i++) {
        events.append(i == 0 ? "" : ",").append("{\"id\":\"crash-").append(i)
            .append("\",\"occurredAt\":\"2026-11-23T08:15:00Z\",\"type\":\"tool.invocation\",")
            .append("\"agent\":{\"id\":\"spiffe://acme.example/agents/crash\"},\"action\":{\"tool\":\"crm.lookup\"}}");
      }
      HttpResponse<String> receipt = HTTP.send(post(base + "/api/v1/events", key, events.append(']').toString()),
          HttpResponse.BodyHandlers.ofString());
      assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
    } finally {
      server.kill();
    }

    JarServer restarted = JarServer.start(data);
    try {
      String base = restarted.ready();
      JsonObject page = json(get(base + "/api/v1/events?source=crash&limit=1000"));
      assertThat(page.getJsonArray("items")).as("every acknowledged event, after SIGKILL and restart").hasSize(batch);
      assertThat(json(get(base + "/api/v1/ledger/verify")).getBoolean("verified")).isTrue();
    } finally {
      restarted.kill();
    }
  }

  private static HttpRequest post(String url, String token, String body) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String send(String url, String token, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(post(url, token, body), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return r.body();
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ADMIN_TOKEN)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
