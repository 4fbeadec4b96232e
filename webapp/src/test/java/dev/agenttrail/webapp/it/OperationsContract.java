package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Health, OpenAPI and metrics, where operators and their tools look for them. */
interface OperationsContract extends Deployed {

  @Test
  default void shouldBeReadyWithItsDatabase() {
    Api.Reply ready = api().getServer("health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("\"name\":\"database\"").contains("\"status\":\"UP\"");
  }

  @Test
  default void shouldServeTheOpenApiDocumentOfTheContract() {
    Api.Reply openapi = api().getServer("openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/events").contains("/api/v1/ledger/verify")
        .contains("/api/v1/sources/{name}/keys").contains("application/problem+json");
  }

  @Test
  default void shouldCountIngestedAndRejectedEventsInMetrics() {
    Api.Source source = api().newSource();
    api().events(source.key(), Api.event(Api.uniqueId()));
    api().events(source.key(), "{\"id\":\"bad\"}");
    Api.Reply metrics = api().getServer("metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("agenttrail_events_ingested_total").contains("agenttrail_events_rejected_total")
        .contains("agenttrail_ingest_request_bucket");
  }

  @Test
  default void shouldDescribeTheApiInTheOpenApiDocumentAlone() {
    // Jersey's generated WADL is off: no second, undocumented description of the API.
    Api.Reply wadl = api().get("api/v1/application.wadl", Api.ADMIN_TOKEN);
    assertThat(wadl.status()).isEqualTo(404);
    assertThat(wadl.contentType()).startsWith("application/problem+json");

    var options = api().exchange("OPTIONS", "api/v1/events", Api.ADMIN_TOKEN, null, null);
    assertThat(options.statusCode()).isEqualTo(403);
    assertThat(options.body()).contains("not an operation of the API").contains("/openapi");
  }

  @Test
  default void shouldAnswerUnknownAddressesWithAProblem() {
    Api.Reply reply = api().get("api/v1/no-such-thing", Api.ADMIN_TOKEN);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }
}
