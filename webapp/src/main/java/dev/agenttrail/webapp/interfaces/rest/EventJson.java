package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.application.IngestService;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEventQueries.StoredEvent;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcLedger;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.List;

/** JSON of ingest receipts and stored events. */
final class EventJson {

  private EventJson() {}

  static String receipt(IngestService.Receipt receipt) {
    StringBuilder out = new StringBuilder(64 + receipt.items().size() * 48);
    out.append("{\"accepted\":").append(receipt.accepted())
        .append(",\"duplicates\":").append(receipt.duplicates())
        .append(",\"items\":[");
    List<JdbcLedger.Appended> items = receipt.items();
    for (int i = 0; i < items.size(); i++) {
      JdbcLedger.Appended a = items.get(i);
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"id\":");
      appendString(a.id(), out);
      out.append(",\"status\":\"").append(a.duplicate() ? "duplicate" : "accepted")
          .append("\",\"seq\":").append(a.seq());
      String escalation = a.duplicate() ? null : receipt.escalations().get(a.id());
      if (escalation != null) {
        out.append(",\"escalation\":");
        appendString(escalation, out);
      }
      out.append('}');
    }
    return out.append("]}").toString();
  }

  /** A stored event: where it sits in the ledger, and the event exactly as hashed. */
  static JsonObject stored(StoredEvent e) {
    JsonObject event = JsonSupport.PROVIDER.createReader(new StringReader(e.payload())).readObject();
    return JsonSupport.PROVIDER.createObjectBuilder()
        .add("seq", e.seq())
        .add("hash", e.hash())
        .add("receivedAt", e.receivedAt().toString())
        .add("event", event)
        .build();
  }

  static String page(List<StoredEvent> rows, int size) {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    rows.stream().limit(size).forEach(r -> items.add(stored(r)));
    JsonObjectBuilder body = JsonSupport.PROVIDER.createObjectBuilder().add("items", items);
    if (rows.size() > size) {
      body.add("next", QueryParams.cursorFor(rows.get(size - 1).seq()));
    } else {
      body.addNull("next");
    }
    return body.build().toString();
  }

  private static void appendString(String s, StringBuilder out) {
    // ids match ^[A-Za-z0-9._:@/-]{1,128}$, so they need no escaping
    out.append('"').append(s).append('"');
  }
}
