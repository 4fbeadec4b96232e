package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePacks.PackRow;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/** The JSON form of an evidence pack's status. */
final class EvidencePackJson {

  private EvidencePackJson() {}

  static JsonObject pack(PackRow p) {
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder()
        .add("id", p.id())
        .add("status", p.status())
        .add("progress", p.progress())
        .add("from", p.from().toString())
        .add("to", p.to().toString())
        .add("frameworks", array(p.frameworks()))
        .add("agents", array(p.agents()))
        .add("requestedBy", p.requestedBy())
        .add("requestedAt", p.requestedAt().toString());
    optional(b, "reason", p.reason());
    optional(b, "scheduleId", p.scheduleId());
    optional(b, "startedAt", p.startedAt());
    optional(b, "finishedAt", p.finishedAt());
    optional(b, "expiresAt", p.expiresAt());
    if (p.durationMs() != null) {
      b.add("durationMs", p.durationMs());
    }
    if (p.events() != null) {
      b.add("events", p.events());
    }
    if (p.size() != null) {
      b.add("size", p.size());
    }
    optional(b, "sha256", p.sha256());
    if ("done".equals(p.status())) {
      b.add("download", "evidence-packs/" + p.id() + "/download");
    }
    return b.build();
  }

  private static JsonArrayBuilder array(List<String> values) {
    JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
    values.forEach(a::add);
    return a;
  }

  private static void optional(JsonObjectBuilder b, String name, Object value) {
    if (value instanceof Instant i) {
      b.add(name, i.toString());
    } else if (value != null) {
      b.add(name, value.toString());
    }
  }
}
