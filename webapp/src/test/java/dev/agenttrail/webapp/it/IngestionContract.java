package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/events} as API.md says, against the deployed application. */
interface IngestionContract extends Deployed {

  @Test
  default void shouldStoreABatchAndReadItBackRightAfterThe202() {
    Api.Source source = api().newSource();
    String a = Api.uniqueId();
    String b = Api.uniqueId();
    Api.Reply reply = api().events(source.key(), "[" + Api.event(a) + "," + Api.event(b, "data.access") + "]");

    assertThat(reply.status()).isEqualTo(202);
    JsonObject receipt = reply.json();
    assertThat(receipt.getInt("accepted")).isEqualTo(2);
    assertThat(receipt.getInt("duplicates")).isZero();
    long seqA = receipt.getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();
    long seqB = receipt.getJsonArray("items").getJsonObject(1).getJsonNumber("seq").longValue();
    assertThat(seqB).isEqualTo(seqA + 1);

    Api.Reply stored = api().get("api/v1/events/" + source.name() + "/" + a, Api.ADMIN_TOKEN);
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().getJsonNumber("seq").longValue()).isEqualTo(seqA);
    assertThat(stored.json().getJsonObject("event").getString("source")).isEqualTo(source.name());
    assertThat(stored.json().getString("hash")).hasSize(64);
  }

  @Test
  default void shouldStoreNothingOfABatchWithOneInvalidItemAndNameThatItem() {
    Api.Source source = api().newSource();
    String good1 = Api.uniqueId();
    String good2 = Api.uniqueId();
    String bad = "{\"id\":\"x1\",\"occurredAt\":\"2026-11-23T08:15:00Z\",\"type\":\"tool.invocation\",\"agent\":{}}";
    Api.Reply reply = api().events(source.key(), "[" + Api.event(good1) + "," + bad + "," + Api.event(good2) + "]");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body()).contains("\"type\":\"/problems/invalid-events\"")
        .contains("{\"index\":1,\"pointer\":\"/agent/id\",\"message\":\"required property 'id' is missing\"}");
    assertThat(reply.json().getJsonArray("errors")).hasSize(1);
    assertThat(api().get("api/v1/events/" + source.name() + "/" + good1, Api.ADMIN_TOKEN).status()).isEqualTo(404);
    assertThat(api().get("api/v1/events/" + source.name() + "/" + good2, Api.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  @Test
  default void shouldReportARepeatedEventAsDuplicateWithItsFirstSeq() {
    Api.Source source = api().newSource();
    String id = Api.uniqueId();
    long first = api().events(source.key(), Api.event(id)).json().getJsonArray("items").getJsonObject(0)
        .getJsonNumber("seq").longValue();

    Api.Reply again = api().events(source.key(), "[" + Api.event(id) + "," + Api.event(id) + "]");

    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body()).isEqualTo("{\"accepted\":0,\"duplicates\":2,\"items\":[{\"id\":\"" + id
        + "\",\"status\":\"duplicate\",\"seq\":" + first + "},{\"id\":\"" + id + "\",\"status\":\"duplicate\",\"seq\":" + first + "}]}");
  }

  @Test
  default void shouldStoreOnlyTheNewEventsOfAResentBatchThatAlsoCarriesNewOnes() {
    Api.Source source = api().newSource();
    String a = Api.uniqueId();
    String b = Api.uniqueId();
    String c = Api.uniqueId();
    String d = Api.uniqueId();
    JsonObject first = api().events(source.key(), "[" + Api.event(a) + "," + Api.event(b) + "]").json();
    long seqA = first.getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();
    long seqB = first.getJsonArray("items").getJsonObject(1).getJsonNumber("seq").longValue();

    Api.Reply again = api().events(source.key(), "[" + Api.event(a) + "," + Api.event(c) + "," + Api.event(b) + ","
        + Api.event(d) + "]");

    assertThat(again.status()).isEqualTo(202);
    JsonObject receipt = again.json();
    assertThat(receipt.getInt("accepted")).isEqualTo(2);
    assertThat(receipt.getInt("duplicates")).isEqualTo(2);
    JsonArray items = receipt.getJsonArray("items");
    assertThat(items.getJsonObject(0).getString("status")).isEqualTo("duplicate");
    assertThat(items.getJsonObject(0).getJsonNumber("seq").longValue()).isEqualTo(seqA);
    assertThat(items.getJsonObject(2).getString("status")).isEqualTo("duplicate");
    assertThat(items.getJsonObject(2).getJsonNumber("seq").longValue()).isEqualTo(seqB);
    long seqC = items.getJsonObject(1).getJsonNumber("seq").longValue();
    assertThat(items.getJsonObject(1).getString("status")).isEqualTo("accepted");
    assertThat(items.getJsonObject(3).getJsonNumber("seq").longValue()).isEqualTo(seqC + 1);
    assertThat(api().get("api/v1/events/" + source.name() + "/" + c, Api.ADMIN_TOKEN).status()).isEqualTo(200);
    assertThat(api().get("api/v1/events/" + source.name() + "/" + d, Api.ADMIN_TOKEN).status()).isEqualTo(200);
    assertThat(api().get("api/v1/ledger/verify", Api.ADMIN_TOKEN).json().getBoolean("verified")).isTrue();
  }

  @Test
  default void shouldStoreEachIdOnceWhenTwentyRequestsCarryTheSameIdsAtOnce() throws Exception {
    Api.Source source = api().newSource();
    List<String> ids = IntStream.range(0, 50).mapToObj(i -> Api.uniqueId()).toList();
    String batch = ids.stream().map(Api::event).collect(Collectors.joining(",", "[", "]"));
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Callable<Api.Reply> call = () -> {
          start.await();
          return api().events(source.key(), batch);
        };
        replies.add(pool.submit(call));
      }
      start.countDown();
      int accepted = 0;
      Set<Long> seqs = new HashSet<>();
      for (Future<Api.Reply> f : replies) {
        Api.Reply r = f.get();
        assertThat(r.status()).isEqualTo(202);
        accepted += r.json().getInt("accepted");
        r.json().getJsonArray("items").forEach(item -> seqs.add(item.asJsonObject().getJsonNumber("seq").longValue()));
      }
      assertThat(accepted).isEqualTo(50);
      assertThat(seqs).hasSize(50);
    } finally {
      pool.shutdownNow();
    }
    Api.Reply listed = api().get("api/v1/events?source=" + source.name() + "&limit=1000", Api.ADMIN_TOKEN);
    assertThat(listed.json().getJsonArray("items")).hasSize(50);
  }

  @Test
  default void shouldAcceptNdjsonAndGzipBodies() {
    Api.Source source = api().newSource();
    String a = Api.uniqueId();
    String b = Api.uniqueId();
    String ndjson = Api.event(a) + "\n\n" + Api.event(b) + "\n";

    Api.Reply plain = api().post("api/v1/events", source.key(), "application/x-ndjson", ndjson);
    Api.Reply zipped = api().post("api/v1/events", source.key(), "application/x-ndjson",
        Api.gzip(ndjson.replace(a, a + "z").replace(b, b + "z")), "gzip");
    Api.Reply zippedArray = api().post("api/v1/events", source.key(), "application/json",
        Api.gzip("[" + Api.event(a + "y") + "]"), "gzip");

    assertThat(plain.json().getInt("accepted")).isEqualTo(2);
    assertThat(zipped.json().getInt("accepted")).isEqualTo(2);
    assertThat(zippedArray.json().getInt("accepted")).isEqualTo(1);
    assertThat(api().get("api/v1/events/" + source.name() + "/" + b + "z", Api.ADMIN_TOKEN).status()).isEqualTo(200);
  }

  @Test
  default void shouldNameTheNdjsonLineThatIsNotJson() {
    Api.Source source = api().newSource();
    Api.Reply reply = api().post("api/v1/events", source.key(), "application/x-ndjson",
        Api.event(Api.uniqueId()) + "\n{\"id\": oops}\n");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getInt("index")).isEqualTo(1);
  }

  @Test
  default void shouldAnswer401ForAMissingOrWrongKey() {
    Api.Reply missing = api().events(null, Api.event(Api.uniqueId()));
    Api.Reply wrong = api().events("atk_aaaaaaaaaaaa_notarealsecretnotarealsecret", Api.event(Api.uniqueId()));
    assertThat(missing.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("{\"type\":\"/problems/unauthenticated\",\"title\":\"Missing or unknown token\","
        + "\"status\":401,\"detail\":\"The token is unknown or has been revoked.\"}");
  }

  @Test
  default void shouldRefuseAnEventThatNamesAnotherSource() {
    Api.Source a = api().newSource();
    Api.Source b = api().newSource();
    String id = Api.uniqueId();
    String naming = "{\"source\":\"" + b.name() + "\"," + Api.event(id).substring(1);

    Api.Reply reply = api().events(a.key(), naming);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/source");
    assertThat(api().get("api/v1/events/" + b.name() + "/" + id, Api.ADMIN_TOKEN).status()).isEqualTo(404);
    assertThat(api().get("api/v1/events/" + a.name() + "/" + id, Api.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  @Test
  default void shouldAnswer413ForABodyOverTenMebibytesEvenWhenGzipped() {
    Api.Source source = api().newSource();
    String huge = "[" + " ".repeat(10 * 1024 * 1024) + Api.event(Api.uniqueId()) + "]";
    Api.Reply plain = api().events(source.key(), huge);
    Api.Reply zipped = api().post("api/v1/events", source.key(), "application/json", Api.gzip(huge), "gzip");
    assertThat(plain.status()).isEqualTo(413);
    assertThat(zipped.status()).isEqualTo(413);
    assertThat(zipped.json().getString("type")).isEqualTo("/problems/payload-too-large");
  }

  @Test
  default void shouldAnswer413ForMoreThanFiveThousandEvents() {
    Api.Source source = api().newSource();
    String first = Api.uniqueId();
    String batch = IntStream.range(0, 5001).mapToObj(i -> Api.event(first + "-" + i)).collect(Collectors.joining(",", "[", "]"));
    Api.Reply reply = api().events(source.key(), batch);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().getString("detail")).contains("5001").contains("5000");
    assertThat(api().get("api/v1/events/" + source.name() + "/" + first + "-0", Api.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  @Test
  default void shouldAnswer400ForAttributesOver64KibAndStoreNothing() {
    Api.Source source = api().newSource();
    String ok = Api.uniqueId();
    String big = Api.event(Api.uniqueId()).replace("\"action\"", "\"attributes\":{\"blob\":\"" + "x".repeat(65 * 1024) + "\"},\"action\"");
    Api.Reply reply = api().events(source.key(), "[" + Api.event(ok) + "," + big + "]");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/attributes");
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getInt("index")).isEqualTo(1);
    assertThat(api().get("api/v1/events/" + source.name() + "/" + ok, Api.ADMIN_TOKEN).status()).isEqualTo(404);
  }

  @Test
  default void shouldAcceptAnEmptyBatchAndStoreNothing() {
    Api.Source source = api().newSource();
    Api.Reply reply = api().events(source.key(), "[]");
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body()).isEqualTo("{\"accepted\":0,\"duplicates\":0,\"items\":[]}");
  }

  @Test
  default void shouldAnswer400ForABodyThatIsNotUtf8AndKeepAReplacementCharacterSentAsSuch() {
    Api.Source source = api().newSource();
    String bad = Api.uniqueId();
    byte[] body = ("[" + Api.event(bad).replace("\"search\"", "\"s?arch\"") + "]").getBytes(StandardCharsets.UTF_8);
    int question = new String(body, StandardCharsets.UTF_8).indexOf("s?arch") + 1;
    body[question] = (byte) 0xC3; // a lead byte followed by an ASCII letter: not UTF-8

    Api.Reply reply = api().post("api/v1/events", source.key(), "application/json", body, null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getString("type")).isEqualTo("/problems/malformed-body");
    assertThat(reply.json().getString("detail")).isEqualTo("The body is not valid UTF-8.");
    assertThat(api().get("api/v1/events/" + source.name() + "/" + bad, Api.ADMIN_TOKEN).status()).isEqualTo(404);

    String good = Api.uniqueId();
    Api.Reply stored = api().events(source.key(), "[" + Api.event(good).replace("\"search\"", "\"s\uFFFDarch \u00e9\u6587\"") + "]");
    assertThat(stored.status()).isEqualTo(202);
    assertThat(api().get("api/v1/events/" + source.name() + "/" + good, Api.ADMIN_TOKEN).json()
        .getJsonObject("event").getJsonObject("action").getString("tool")).isEqualTo("s\uFFFDarch \u00e9\u6587");
  }

  @Test
  default void shouldAnswerMalformedJsonWithAProblem() {
    Api.Source source = api().newSource();
    Api.Reply reply = api().events(source.key(), "[{\"id\": ");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getString("type")).isEqualTo("/problems/malformed-body");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
  }
}
