package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sources and keys, users and tokens, roles, and reading events back with filters and cursors. */
interface AdministrationContract extends Deployed {

  @Test
  default void shouldKeepAnOldKeyWorkingAfterRotationUntilItIsRevoked() {
    Api.Source source = api().newSource();
    Api.Reply rotated = api().post("api/v1/sources/" + source.name() + "/keys", Api.ADMIN_TOKEN, null, "");
    assertThat(rotated.status()).isEqualTo(201);
    String newKey = rotated.json().getString("ingestKey");

    assertThat(api().events(source.key(), Api.event(Api.uniqueId())).status()).isEqualTo(202);
    assertThat(api().delete("api/v1/sources/" + source.name() + "/keys/" + source.keyId(), Api.ADMIN_TOKEN).status()).isEqualTo(204);
    assertThat(api().events(source.key(), Api.event(Api.uniqueId())).status()).isEqualTo(401);
    assertThat(api().events(newKey, Api.event(Api.uniqueId())).status()).isEqualTo(202);

    JsonObject described = api().get("api/v1/sources/" + source.name(), Api.ADMIN_TOKEN).json();
    assertThat(described.getJsonArray("keys")).hasSize(2);
    assertThat(described.toString()).doesNotContain(newKey).doesNotContain(source.key());
  }

  @Test
  default void shouldRefuseABadOrTakenSourceName() {
    Api.Source source = api().newSource();
    Api.Reply taken = api().post("api/v1/sources", Api.ADMIN_TOKEN, "application/json", "{\"name\":\"" + source.name() + "\"}");
    Api.Reply bad = api().post("api/v1/sources", Api.ADMIN_TOKEN, "application/json", "{\"name\":\"Prod GW\"}");
    Api.Reply badMode = api().post("api/v1/sources", Api.ADMIN_TOKEN, "application/json", "{\"name\":\"ok-name\",\"mode\":\"maybe\"}");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/name");
    assertThat(badMode.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/mode");
    assertThat(api().get("api/v1/sources/ok-name", Api.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  @Test
  default void shouldGiveAUserTokenItsRolesOnly() {
    String name = "amy-" + UUID.randomUUID().toString().substring(0, 6);
    Api.Reply created = api().post("api/v1/users", Api.ADMIN_TOKEN, "application/json",
        "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\",\"roles\":[\"ANALYST\"]}");
    assertThat(created.status()).isEqualTo(201);
    Api.Reply issued = api().post("api/v1/users/" + name + "/tokens", Api.ADMIN_TOKEN, null, "");
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.json().getString("token");

    assertThat(api().get("api/v1/events?limit=1", token).status()).isEqualTo(200);
    assertThat(api().post("api/v1/sources", token, "application/json", "{\"name\":\"nope\"}").status()).isEqualTo(403);
    assertThat(api().post("api/v1/users/" + name + "/tokens", token, null, "").status()).isEqualTo(201);
    assertThat(api().post("api/v1/users/admin/tokens", token, null, "").status()).isEqualTo(403);
  }

  @Test
  default void shouldRefuseAWeakPasswordAndAnUnknownRole() {
    Api.Reply weak = api().post("api/v1/users", Api.ADMIN_TOKEN, "application/json",
        "{\"username\":\"bob\",\"password\":\"short\",\"roles\":[\"ANALYST\"]}");
    Api.Reply role = api().post("api/v1/users", Api.ADMIN_TOKEN, "application/json",
        "{\"username\":\"bob\",\"password\":\"long enough password\",\"roles\":[\"ROOT\"]}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/password");
    assertThat(role.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/roles/0");
  }

  @Test
  default void shouldForbidAnIngestKeyEverythingButIngest() {
    Api.Source source = api().newSource();
    Api.Reply read = api().get("api/v1/events", source.key());
    assertThat(read.status()).isEqualTo(403);
    assertThat(read.json().getString("detail")).isEqualTo("An ingest key may only ingest events.");
    assertThat(api().get("api/v1/ledger/verify", source.key()).status()).isEqualTo(403);
    assertThat(api().events(Api.ADMIN_TOKEN, Api.event(Api.uniqueId())).status()).isEqualTo(403);
  }

  @Test
  default void shouldPageThroughFilteredEventsNewestFirst() {
    Api.Source source = api().newSource();
    String agent = "spiffe://acme/agents/pager-" + UUID.randomUUID().toString().substring(0, 6);
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 5; i++) {
      batch.append(i == 0 ? "" : ",").append(Api.event("p" + i).replace("spiffe://acme/agents/billing", agent));
    }
    batch.append(",").append(Api.event("other"));
    api().events(source.key(), batch.append("]").toString());
    String query = "api/v1/events?agent=" + agent.replace(":", "%3A").replace("/", "%2F") + "&limit=2";

    JsonObject page1 = api().get(query, Api.ADMIN_TOKEN).json();
    JsonObject page2 = api().get(query + "&cursor=" + page1.getString("next"), Api.ADMIN_TOKEN).json();
    JsonObject page3 = api().get(query + "&cursor=" + page2.getString("next"), Api.ADMIN_TOKEN).json();

    assertThat(ids(page1)).isEqualTo("p4,p3");
    assertThat(ids(page2)).isEqualTo("p2,p1");
    assertThat(ids(page3)).isEqualTo("p0");
    assertThat(page3.isNull("next")).isTrue();
    Api.Reply bad = api().get("api/v1/events?limit=5000&from=yesterday&type=nope", Api.ADMIN_TOKEN);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors")).hasSize(3);
  }

  private static String ids(JsonObject page) {
    return String.join(",", page.getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getJsonObject("event").getString("id")).toList());
  }
}
