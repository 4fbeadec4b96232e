package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.webapp.bench.PageSession;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's own time on every dashboard page and REST answer ({@code Server-Timing: app;dur=}),
 * which browsers show and the page benchmark reads, on either database.
 */
interface ServerTimingContract extends Deployed {

  String TIMING = "app;dur=[0-9]+\\.[0-9]";

  @Test
  default void shouldTellTheServerTimeOfEveryPageAndApiAnswer() {
    PageSession session = new PageSession(api().app());
    PageSession.Answer login = session.get("login.xhtml");
    assertThat(login.headers().firstValue("Server-Timing")).hasValueSatisfying(v -> assertThat(v).matches(TIMING));
    session.signIn(DashboardContract.ADMIN, DashboardContract.ADMIN_PASSWORD);
    for (String page : List.of("index.xhtml", "incidents.xhtml", "events.xhtml", "coverage.xhtml?days=7", "catalog.xhtml")) {
      PageSession.Answer answer = session.get(page);
      assertThat(answer.status()).as(page).isEqualTo(200);
      assertThat(answer.headers().allValues("Server-Timing")).as(page).singleElement()
          .satisfies(v -> assertThat(v).matches(TIMING));
      assertThat(answer.serverMs()).as(page).isGreaterThan(0).isLessThanOrEqualTo(answer.clientMs());
    }
    Api.Source source = api().newSource();
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 200; i++) {
      many.append(i == 0 ? "" : ",").append(Api.event(Api.uniqueId()));
    }
    assertThat(api().events(source.key(), many.append("]").toString()).status()).isEqualTo(202);
    // a small answer, a problem, and one larger than the REST layer buffers, which goes out before the end of the chain
    String large = "api/v1/events?limit=200&source=" + source.name();
    for (String path : List.of("api/v1/sources", "api/v1/no-such-thing", large)) {
      HttpResponse<String> answer = api().exchange("GET", path, Api.ADMIN_TOKEN, null, null);
      assertThat(answer.headers().allValues("Server-Timing")).as(path).singleElement()
          .satisfies(v -> assertThat(v).matches(TIMING));
    }
    assertThat(api().exchange("GET", large, Api.ADMIN_TOKEN, null, null).body().length()).isGreaterThan(16384);
  }
}
