package dev.agenttrail.webapp.interfaces.rest;

import static dev.agenttrail.domain.shared.JsonSupport.PROVIDER;

import dev.agenttrail.catalog.api.Signal;
import dev.agenttrail.domain.signal.Thresholds;
import dev.agenttrail.webapp.application.CatalogService;
import dev.agenttrail.webapp.infrastructure.detection.SignalSettings;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/signals}: the nine signals with their controls and thresholds; admins change thresholds. */
@Path("signals")
@Produces(MediaType.APPLICATION_JSON)
public class SignalResource {

  @Inject
  SignalSettings settings;

  @Inject
  CatalogService catalogs;

  @Inject
  Clock clock;

  @GET
  @Allow({"ADMIN", "ANALYST", "APPROVER", "AUDITOR"})
  public String signals() {
    Thresholds t = settings.current();
    JsonArrayBuilder items = PROVIDER.createArrayBuilder();
    for (Signal s : catalogs.current().catalog().signals()) {
      JsonObjectBuilder thresholds = PROVIDER.createObjectBuilder();
      String prefix = s.id().value() + ".";
      t.byName().forEach((name, value) -> {
        if (name.startsWith(prefix)) {
          thresholds.add(name.substring(prefix.length()), PROVIDER.createObjectBuilder().add("value", value)
              .add("default", Thresholds.DEFAULTS.byName().get(name)));
        }
      });
      JsonArrayBuilder controls = PROVIDER.createArrayBuilder();
      s.controls().forEach(c -> controls.add(c.value()));
      items.add(PROVIDER.createObjectBuilder().add("id", s.id().value()).add("name", s.name())
          .add("description", s.description()).add("controls", controls).add("thresholds", thresholds));
    }
    return PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  /** Changes thresholds: {@code {"DENY_THEN_OVERRIDE.count": "5", "CREDENTIAL_OVERSTAY.grace": "PT10M"}}. */
  @PUT
  @Path("thresholds")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow("ADMIN")
  public String changeThresholds(String body, @Context SecurityContext security) {
    JsonObject request = JsonBodies.object(body);
    Map<String, String> changes = new LinkedHashMap<>();
    request.forEach((name, value) -> changes.put(name, value instanceof JsonString s ? s.getString() : value.toString()));
    Thresholds updated;
    try {
      updated = settings.change(changes, security.getUserPrincipal().getName(), clock.instant());
    } catch (IllegalArgumentException e) {
      String name = changes.keySet().stream().filter(n -> e.getMessage().contains(n)).findFirst().orElse("");
      throw SourceResource.invalid("/" + name, e.getMessage());
    }
    JsonObjectBuilder out = PROVIDER.createObjectBuilder();
    updated.byName().forEach(out::add);
    return out.build().toString();
  }

}
