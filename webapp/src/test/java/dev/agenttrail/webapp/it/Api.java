package dev.agenttrail.webapp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** A small HTTP client for the tests: real requests to the deployed application. */
final class Api {

  static final String ADMIN_TOKEN = "it-admin-token";

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  private final URI app;
  private final URI server;

  private Api(URI deployment) {
    String base = deployment.toString();
    this.app = URI.create(base.endsWith("/") ? base : base + "/");
    this.server = app.resolve("/");
  }

  /**
   * The war Arquillian deployed (the file in the system property {@code agenttrail.war}), at its
   * context root, the war's name. The managed Payara Micro adapter reads the deployed applications
   * from the server's output; once (CI, 2026-12-05) it missed them, a race in reading that output,
   * and handed out the server's root, so every request of the class went to the wrong place and got
   * Payara's HTML 404. A root address from the adapter means that, so the context root is added.
   */
  static Api ofDeployedWar(URL base) {
    URI uri = URI.create(base.toString());
    if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) {
      String war = Path.of(System.getProperty("agenttrail.war")).getFileName().toString();
      uri = uri.resolve("/" + war.substring(0, war.length() - ".war".length()) + "/");
    }
    return new Api(uri);
  }

  /** The application's base address, ending in '/'. */
  URI app() {
    return app;
  }

  /** A response with its body parsed when it is JSON. */
  record Reply(int status, String contentType, String body) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    JsonValue value() {
      return Json.createReader(new StringReader(body)).readValue();
    }
  }

  Reply get(String path, String token) {
    HttpRequest.Builder r = HttpRequest.newBuilder(app.resolve(path)).GET();
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return send(r);
  }

  Reply getServer(String path) {
    return send(HttpRequest.newBuilder(server.resolve(path)).header("Accept", "text/plain,application/json").GET());
  }

  Reply post(String path, String token, String contentType, String body) {
    return post(path, token, contentType, body.getBytes(StandardCharsets.UTF_8), null);
  }

  Reply post(String path, String token, String contentType, byte[] body, String encoding) {
    HttpRequest.Builder r = HttpRequest.newBuilder(app.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    if (encoding != null) {
      r.header("Content-Encoding", encoding);
    }
    return send(r);
  }

  /** A POST with these headers, answering the raw response: status, every header, the body's bytes. */
  HttpResponse<byte[]> exchange(String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder r = HttpRequest.newBuilder(app.resolve(path)).timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(r::header);
    try {
      return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The deployment's address, for clients that are configured with a URL (OTLP exporters). */
  URI base() {
    return app;
  }

  Reply put(String path, String token, String json) {
    return send(HttpRequest.newBuilder(app.resolve(path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply delete(String path, String token) {
    return send(HttpRequest.newBuilder(app.resolve(path)).header("Authorization", "Bearer " + token).DELETE());
  }

  /** The whole response, headers included (Location, Content-Disposition). */
  HttpResponse<String> exchange(String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder r = HttpRequest.newBuilder(app.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    try {
      return HTTP.send(r.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose body is kept as bytes (downloads). */
  HttpResponse<byte[]> bytes(String path, String token) {
    HttpRequest.Builder r = HttpRequest.newBuilder(app.resolve(path)).GET();
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(r.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates a user with one role and answers an API token of theirs. */
  String tokenFor(String role) {
    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    Reply user = post("api/v1/users", ADMIN_TOKEN, "application/json",
        "{\"username\":\"" + name + "\",\"password\":\"correct-horse-battery-" + name + "\",\"roles\":[\"" + role + "\"]}");
    if (user.status() != 201) {
      throw new IllegalStateException("could not create a user: " + user);
    }
    return post("api/v1/users/" + name + "/tokens", ADMIN_TOKEN, null, "").json().getString("token");
  }

  Reply events(String key, String json) {
    return post("api/v1/events", key, "application/json", json);
  }

  /** Registers a source with a fresh name and answers its ingest key. */
  Source newSource() {
    String name = "src-" + UUID.randomUUID().toString().substring(0, 8);
    Reply r = post("api/v1/sources", ADMIN_TOKEN, "application/json", "{\"name\":\"" + name + "\",\"mode\":\"enforce\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("could not register a source: " + r);
    }
    return new Source(name, r.json().getString("keyId"), r.json().getString("ingestKey"));
  }

  record Source(String name, String keyId, String key) {}

  /** Creates a user with these roles and a personal API token of theirs. */
  Person newUser(String prefix, String... roles) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Reply created = post("api/v1/users", ADMIN_TOKEN, "application/json", "{\"username\":\"" + name
        + "\",\"password\":\"correct horse battery\",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}");
    if (created.status() != 201) {
      throw new IllegalStateException("could not create a user: " + created);
    }
    return new Person(name, post("api/v1/users/" + name + "/tokens", ADMIN_TOKEN, null, "").json().getString("token"));
  }

  record Person(String name, String token) {}

  Reply postJson(String path, String token, String json) {
    return post(path, token, "application/json", json);
  }

  static String event(String id) {
    return event(id, "tool.invocation");
  }

  static String event(String id, String type) {
    return "{\"id\":\"" + id + "\",\"occurredAt\":\"2026-11-23T08:15:00Z\",\"type\":\"" + type + "\","
        + "\"agent\":{\"id\":\"spiffe://acme/agents/billing\",\"task\":\"T-1\"},\"action\":{\"tool\":\"search\"}}";
  }

  static String uniqueId() {
    return "e-" + UUID.randomUUID();
  }

  static byte[] gzip(String text) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply send(HttpRequest.Builder r) {
    try {
      HttpResponse<String> response = HTTP.send(r.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
