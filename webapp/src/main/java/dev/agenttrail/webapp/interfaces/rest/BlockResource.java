package dev.agenttrail.webapp.interfaces.rest;

import static dev.agenttrail.domain.shared.JsonSupport.PROVIDER;

import dev.agenttrail.webapp.infrastructure.detection.ActionTraces;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/blocks}: denials and blocks per source, by cause (policy, model behaviour, integration). */
@Path("blocks")
@Produces(MediaType.APPLICATION_JSON)
public class BlockResource {

  @Inject
  ActionTraces traces;

  @GET
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String blocks(@QueryParam("from") String from, @QueryParam("to") String to) {
    QueryParams q = new QueryParams();
    java.time.Instant f = q.instant("from", from);
    java.time.Instant t = q.instant("to", to);
    q.throwIfInvalid();
    Map<String, JsonObjectBuilder> bySource = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Object[] row : traces.blockCounts(f, t)) {
      String source = (String) row[0];
      bySource.computeIfAbsent(source, k -> PROVIDER.createObjectBuilder().add("policy", 0L).add("model_behaviour", 0L)
          .add("integration", 0L)).add((String) row[1], (Long) row[2]);
      totals.merge(source, (Long) row[2], Long::sum);
    }
    JsonArrayBuilder items = PROVIDER.createArrayBuilder();
    bySource.forEach((source, causes) -> items.add(PROVIDER.createObjectBuilder().add("source", source)
        .add("total", totals.get(source)).add("byCause", causes)));
    return PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }
}
