package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.application.Notifications;
import dev.agenttrail.webapp.application.WebhookService;
import dev.agenttrail.webapp.infrastructure.outbox.JdbcOutbox;
import dev.agenttrail.webapp.infrastructure.outbox.WebhookSignature;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/webhooks}: outbound webhook subscriptions (admin), signed per Standard Webhooks,
 * and every delivery attempt.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Allow("ADMIN")
public class WebhookResource {

  @Inject
  WebhookService webhooks;

  /** {@code {"url": "https://...", "secret": "whsec_..." (optional), "events": ["escalation.opened", ...] (optional)}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response subscribe(String body) {
    JsonObject request = JsonBodies.object(body);
    String url = JsonBodies.text(request, "url");
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://")) || url.length() > 2048 || !parses(url)) {
      throw SourceResource.invalid("/url", "'url' is required: an http or https address of at most 2048 characters");
    }
    String secret = JsonBodies.text(request, "secret");
    if (secret != null && !WebhookSignature.valid(secret)) {
      throw SourceResource.invalid("/secret", "'secret' must be 'whsec_' followed by 24 to 64 bytes in base64; leave it out to get one");
    }
    JdbcOutbox.Subscription s = webhooks.subscribe(url, secret, events(request.get("events")));
    return Response.created(URI.create("webhooks/" + s.id())).entity(describe(s).add("secret", s.secret()).build().toString()).build();
  }

  @GET
  public String list() {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    webhooks.all().forEach(s -> items.add(describe(s)));
    return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return describe(webhooks.get(id)).build().toString();
  }

  /** Stops the subscription; its undelivered messages are not sent. Its delivery record stays. */
  @DELETE
  @Path("{id}")
  public Response unsubscribe(@PathParam("id") String id) {
    webhooks.unsubscribe(id);
    return Response.noContent().build();
  }

  /** The newest messages of the subscription, each with every delivery attempt. */
  @GET
  @Path("{id}/deliveries")
  public String deliveries(@PathParam("id") String id, @QueryParam("limit") String limit) {
    QueryParams params = new QueryParams();
    int max = params.limit(limit, 100, 1000);
    params.throwIfInvalid();
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    for (Map.Entry<JdbcOutbox.Row, List<JdbcOutbox.Attempt>> e : webhooks.deliveries(id, max).entrySet()) {
      JdbcOutbox.Row r = e.getKey();
      JsonArrayBuilder attempts = JsonSupport.PROVIDER.createArrayBuilder();
      for (JdbcOutbox.Attempt a : e.getValue()) {
        JsonObjectBuilder attempt = JsonSupport.PROVIDER.createObjectBuilder().add("attempt", a.attemptNo()).add("at", a.at().toString())
            .add("succeeded", a.succeeded());
        if (a.statusCode() != null) {
          attempt.add("statusCode", a.statusCode());
        }
        if (a.error() != null) {
          attempt.add("error", a.error());
        }
        attempts.add(attempt);
      }
      JsonObjectBuilder item = JsonSupport.PROVIDER.createObjectBuilder()
          .add("messageId", r.messageId())
          .add("type", r.eventType())
          .add("status", r.status().toLowerCase(java.util.Locale.ROOT))
          .add("createdAt", r.createdAt().toString())
          .add("attempts", attempts);
      if (r.caseId() != null) {
        item.add("caseId", r.caseId());
      }
      if ("PENDING".equals(r.status())) {
        item.add("nextAttemptAt", r.nextAttemptAt().toString());
      }
      items.add(item);
    }
    return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build().toString();
  }

  private static boolean parses(String url) {
    try {
      return URI.create(url).getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> events(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw SourceResource.invalid("/events", "'events' must be an array of notification types");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString s) || !Notifications.TYPES.contains(s.getString())) {
        throw SourceResource.invalid("/events/" + i, "must be one of " + String.join(", ", Notifications.TYPES));
      }
      out.add(s.getString());
    }
    return out;
  }

  private static JsonObjectBuilder describe(JdbcOutbox.Subscription s) {
    JsonArrayBuilder events = JsonSupport.PROVIDER.createArrayBuilder();
    s.events().forEach(events::add);
    return JsonSupport.PROVIDER.createObjectBuilder()
        .add("id", s.id())
        .add("url", s.url())
        .add("events", events)
        .add("active", s.active())
        .add("createdAt", s.createdAt().toString());
  }
}
