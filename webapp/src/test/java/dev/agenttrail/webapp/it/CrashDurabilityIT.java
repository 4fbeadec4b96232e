package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Durable before acknowledged" on the embedded default: runs agenttrail.jar as a user does, sends a
 * batch, kills the server JVM with SIGKILL the moment the 202 arrives, starts it again on the same
 * data directory and reads every acknowledged event back from a ledger that still verifies.
 */
class CrashDurabilityIT {

  private static final String ADMIN_TOKEN = "crash-admin-token";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void shouldKeepEveryAcknowledgedEventWhenTheServerIsKilledRightAfterThe202() throws Exception {
    Path jar = Path.of(System.getProperty("agenttrail.war")).resolveSibling("agenttrail.jar");
    assertThat(jar).as("built by mvn package before the integration tests").exists();
    Path data = Files.createDirectories(Path.of(System.getProperty("it.dir"), "crash-" + UUID.randomUUID()));

    Server server = start(jar, data);
    int batch = 200;
    try {
      String base = ready(server);
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
      kill(server);
    }

    Server restarted = start(jar, data);
    try {
      String base = ready(restarted);
      JsonObject page = json(get(base + "/api/v1/events?source=crash&limit=1000"));
      assertThat(page.getJsonArray("items")).as("every acknowledged event, after SIGKILL and restart").hasSize(batch);
      assertThat(json(get(base + "/api/v1/ledger/verify")).getBoolean("verified")).isTrue();
    } finally {
      kill(restarted);
    }
  }

  /** A running agenttrail.jar and where it listens. */
  private record Server(Process launcher, String base) {}

  private static Server start(Path jar, Path data) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AGENTTRAIL_"));
    env.put("AGENTTRAIL_DATA_DIR", data.toString());
    int port = freePort();
    env.put("AGENTTRAIL_HTTP_PORT", Integer.toString(port));
    env.put("AGENTTRAIL_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("AGENTTRAIL_ADMIN_PASSWORD", "crash-admin-password");
    return new Server(pb.start(), "http://127.0.0.1:" + port);
  }

  /** Waits for /health/ready; answers the base URL. */
  private static String ready(Server server) throws Exception {
    String base = server.base();
    for (int i = 0; i < 900; i++) {
      assertThat(server.launcher().isAlive()).as("AgentTrail exited during start-up; see its server.log").isTrue();
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return base;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("AgentTrail was not ready within 180 s");
  }

  /** SIGKILL to the server JVM (the launcher's child) and the launcher: no shutdown hook runs. */
  private static void kill(Server server) throws InterruptedException {
    Process launcher = server.launcher();
    List<ProcessHandle> tree = launcher.toHandle().descendants().toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    launcher.destroyForcibly();
    for (ProcessHandle p : tree) {
      p.onExit().join();
    }
    launcher.waitFor();
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

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
