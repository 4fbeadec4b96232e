package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Custom framework uploads ({@code POST /api/v1/frameworks}): stored in the database, visible to
 * every instance, versions added beside each other and never replaced, invalid files refused with
 * every problem named.
 */
interface CustomFrameworkContract extends Deployed {

  @Test
  default void shouldUploadACustomFrameworkThenListAndResolveIt() {
    String id = newFrameworkId();
    String content = acme(id, "1.0");

    HttpResponse<String> created = upload(id, "acme.json", content, Api.ADMIN_TOKEN);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/v1/frameworks/" + id + "?version=1.0");
    JsonObject summary = json(created.body());
    assertThat(summary.getString("kind")).isEqualTo("custom");
    assertThat(summary.getInt("entryCount")).isEqualTo(3);
    assertThat(summary.getJsonObject("upload").getString("sha256")).isEqualTo(sha256(content));
    assertThat(summary.getJsonObject("upload").getString("uploadedBy")).isEqualTo("admin");
    assertThat(summary.getJsonObject("upload").getString("fileName")).isEqualTo("acme.json");

    assertThat(api().get("api/v1/frameworks", Api.ADMIN_TOKEN).body())
        .contains("{\"id\":\"" + id + "\",\"version\":\"1.0\",\"title\":\"Acme agent policy\",\"kind\":\"custom\"");
    JsonObject byAlias = api().get("api/v1/frameworks/" + id + "/entries/Acme%20tool%20rule", Api.ADMIN_TOKEN).json();
    assertThat(byAlias.getString("ref")).isEqualTo(id + "@1.0:AP-1.1");
    assertThat(byAlias.getJsonObject("resolvedFrom").toString()).isEqualTo("{\"input\":\"Acme tool rule\","
        + "\"match\":\"alias\",\"confidence\":\"medium\",\"note\":\"Name used in the 2025 policy deck; check the deck's date.\"}");
    JsonObject resolved = api().get("api/v1/catalog/resolve?q=" + id + ":ap1.1", Api.ADMIN_TOKEN).json();
    assertThat(resolved.getJsonObject("resolved").getString("ref")).isEqualTo(id + "@1.0:AP-1.1");
    assertThat(api().get("api/v1/frameworks/OWASP-ASI-2026/entries/ASI02", Api.ADMIN_TOKEN).body())
        .contains("{\"direction\":\"incoming\",\"from\":\"" + id + "@1.0:AP-1.1\",\"to\":\"OWASP-ASI-2026@2026:ASI02\"");
    HttpResponse<String> oscal = api().exchange("GET", "api/v1/frameworks/" + id + "/oscal", Api.ADMIN_TOKEN, null, null);
    assertThat(oscal.statusCode()).isEqualTo(200);
    assertThat(new OscalSchema().violations(oscal.body())).isEmpty();
  }

  @Test
  default void shouldAddANewVersionBesideTheOldOneAndLeaveTheOldOneAsItWas() throws Exception {
    String id = newFrameworkId();
    String v1 = acme(id, "1.0");
    assertThat(upload(id, "acme.json", v1, Api.ADMIN_TOKEN).statusCode()).isEqualTo(201);

    String v2 = acme(id, "2.0").replace("\"Approvals\"", "\"Human approvals\"");
    assertThat(upload(id, "acme-2.json", v2, Api.ADMIN_TOKEN).statusCode()).isEqualTo(201);

    assertThat(api().get("api/v1/frameworks", Api.ADMIN_TOKEN).body())
        .contains("\"id\":\"" + id + "\",\"version\":\"2.0\"").doesNotContain("\"id\":\"" + id + "\",\"version\":\"1.0\"");
    assertThat(api().get("api/v1/frameworks?all=true", Api.ADMIN_TOKEN).body())
        .contains("\"id\":\"" + id + "\",\"version\":\"1.0\",\"title\":\"Acme agent policy\",\"kind\":\"custom\",\"latest\":false")
        .contains("\"id\":\"" + id + "\",\"version\":\"2.0\",\"title\":\"Acme agent policy\",\"kind\":\"custom\",\"latest\":true");
    assertThat(api().get("api/v1/frameworks/" + id + "/entries/AP-2?version=1.0", Api.ADMIN_TOKEN).json().getString("title"))
        .isEqualTo("Approvals");
    assertThat(api().get("api/v1/frameworks/" + id + "/entries/AP-2", Api.ADMIN_TOKEN).json().getString("title"))
        .isEqualTo("Human approvals");
    assertThat(api().get("api/v1/frameworks/" + id, Api.ADMIN_TOKEN).json().getJsonArray("versions").toString())
        .isEqualTo("[\"1.0\",\"2.0\"]");
    try (Connection db = database();
        PreparedStatement s = db.prepareStatement(
            "SELECT content, sha256, file_name FROM custom_framework_file WHERE framework_id = ? ORDER BY version")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(v1);
        assertThat(rs.getString(2)).isEqualTo(sha256(v1));
        assertThat(rs.getString(3)).isEqualTo("acme.json");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(v2);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  default void shouldRefuseAnInvalidFileNamingEveryProblemAndStoreNothing() throws Exception {
    String id = newFrameworkId();

    HttpResponse<String> refused = upload(id, "broken.json", broken(id), Api.ADMIN_TOKEN);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(refused.body()).isEqualTo("{\"type\":\"/problems/invalid-framework-file\",\"title\":\"Invalid framework file\","
        + "\"status\":400,\"detail\":\"3 problems in framework file 'broken.json'; nothing was stored.\",\"errors\":["
        + "{\"index\":0,\"pointer\":\"/entries/1/id\",\"line\":6,\"column\":12,"
        + "\"message\":\"duplicate entry id 'B-1' (first defined at /entries/0)\"},"
        + "{\"index\":0,\"pointer\":\"/entries/2/parent\",\"line\":7,\"column\":47,"
        + "\"message\":\"parent 'B-9' is not an entry of this framework\"},"
        + "{\"index\":0,\"pointer\":\"/mappings/0/to\",\"line\":10,\"column\":27,"
        + "\"message\":\"mapping end 'NIST-AI-RMF-1.0:MEASURE 9.9' does not resolve: No entry 'MEASURE 9.9' in"
        + " NIST-AI-RMF-1.0@1.0; closest: MEASURE 2.9\"}]}");
    assertThat(storedVersions(id)).isZero();
    assertThat(api().get("api/v1/frameworks/" + id, Api.ADMIN_TOKEN).status()).isEqualTo(404);

    HttpResponse<String> notJson = upload(id, "cut.json", "{\"format\": \"agenttrail-catalog/1\",\n \"framework\": {", Api.ADMIN_TOKEN);
    assertThat(notJson.statusCode()).isEqualTo(400);
    JsonObject error = json(notJson.body()).getJsonArray("errors").getJsonObject(0);
    assertThat(error.getInt("line")).isEqualTo(2);
    assertThat(error.getString("message")).startsWith("invalid JSON");
  }

  @Test
  default void shouldAnswerAConflictForAVersionThatExists() {
    String id = newFrameworkId();
    assertThat(upload(id, "acme.json", acme(id, "1.0"), Api.ADMIN_TOKEN).statusCode()).isEqualTo(201);

    HttpResponse<String> again = upload(id, "acme.json", acme(id, "1.0"), Api.ADMIN_TOKEN);
    HttpResponse<String> builtIn = upload(id, "nist.json", acme("NIST-AI-RMF-1.0", "1.1"), Api.ADMIN_TOKEN);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again.body()).getString("detail"))
        .isEqualTo("framework '" + id + "' version '1.0' exists already; a new version of a framework needs a new 'version'");
    assertThat(builtIn.statusCode()).isEqualTo(409);
    assertThat(json(builtIn.body()).getString("type")).isEqualTo("/problems/conflict");
  }

  @Test
  default void shouldLetOnlyAdminsUpload() throws Exception {
    String id = newFrameworkId();
    String analyst = userToken(api(), "ANALYST");
    Api.Source source = api().newSource();

    assertThat(upload(id, "acme.json", acme(id, "1.0"), analyst).statusCode()).isEqualTo(403);
    assertThat(upload(id, "acme.json", acme(id, "1.0"), source.key()).statusCode()).isEqualTo(403);
    assertThat(upload(id, "acme.json", acme(id, "1.0"), null).statusCode()).isEqualTo(401);
    assertThat(storedVersions(id)).isZero();
    assertThat(api().get("api/v1/frameworks", analyst).status()).isEqualTo(200);
  }

  @Test
  default void shouldServeAFrameworkThatAnotherInstanceStored() throws Exception {
    String id = newFrameworkId();
    String content = acme(id, "3.1");
    try (Connection db = database();
        PreparedStatement s = db.prepareStatement("INSERT INTO custom_framework_file"
            + " (id, framework_id, version, file_name, content, sha256, uploaded_by, uploaded_at)"
            + " VALUES (?, ?, '3.1', 'acme.json', ?, ?, 'other-instance', ?)")) {
      s.setString(1, UUID.randomUUID().toString());
      s.setString(2, id);
      s.setString(3, content);
      s.setString(4, sha256(content));
      s.setObject(5, LocalDateTime.now(ZoneOffset.UTC));
      s.executeUpdate();
    }

    JsonObject framework = api().get("api/v1/frameworks/" + id, Api.ADMIN_TOKEN).json();

    assertThat(framework.getString("version")).isEqualTo("3.1");
    assertThat(framework.getString("kind")).isEqualTo("custom");
    assertThat(framework.getJsonObject("upload").getString("uploadedBy")).isEqualTo("other-instance");
  }

  private HttpResponse<String> upload(String id, String fileName, String content, String token) {
    return api().exchange("POST", "api/v1/frameworks?fileName=" + fileName, token, "application/json", content);
  }

  private int storedVersions(String id) throws Exception {
    try (Connection db = database();
        PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM custom_framework_file WHERE framework_id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** A framework id no other test uses. */
  static String newFrameworkId() {
    return "ACME-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  /** A valid file: two domains and a requirement, an alias, mappings to ASI02 and MAP 3.3. */
  static String acme(String id, String version) {
    return resource("catalog/acme-framework.json").replace("@ID@", id).replace("@VERSION@", version);
  }

  /** A file with three problems: a repeated id, an unknown parent, a mapping that dangles. */
  static String broken(String id) {
    return resource("catalog/broken-framework.json").replace("@ID@", id);
  }

  /** A new user with one role, and a token of theirs. */
  static String userToken(Api api, String role) {
    String name = role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 6);
    Api.Reply created = api.post("api/v1/users", Api.ADMIN_TOKEN, "application/json",
        "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\",\"roles\":[\"" + role + "\"]}");
    if (created.status() != 201) {
      throw new IllegalStateException("could not create a user: " + created);
    }
    return api.post("api/v1/users/" + name + "/tokens", Api.ADMIN_TOKEN, null, "").json().getString("token");
  }

  static JsonObject json(String body) {
    return new Api.Reply(200, "application/json", body).json();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String path) {
    try (InputStream in = CustomFrameworkContract.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
