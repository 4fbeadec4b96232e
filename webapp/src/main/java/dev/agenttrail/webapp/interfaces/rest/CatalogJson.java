package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.FrameworkEntry;
import dev.agenttrail.catalog.api.FrameworkInfo;
import dev.agenttrail.catalog.api.Resolution;
import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.application.CatalogSnapshot;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JSON of the catalog endpoints: frameworks, entry lists and resolutions. */
final class CatalogJson {

  private CatalogJson() {}

  /** {@code {"items": [...]}}, one summary per framework version. */
  static JsonObject frameworks(CatalogSnapshot snapshot, List<Framework> frameworks) {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    frameworks.forEach(f -> items.add(summary(snapshot, f)));
    return JsonSupport.PROVIDER.createObjectBuilder().add("items", items).build();
  }

  /** Id, version, title, kind (builtin or custom), entry counts, and the upload of a custom one. */
  static JsonObjectBuilder summary(CatalogSnapshot snapshot, Framework framework) {
    FrameworkInfo info = framework.info();
    Map<String, Integer> kinds = new LinkedHashMap<>();
    framework.entries().forEach(e -> kinds.merge(e.kind(), 1, Integer::sum));
    JsonObjectBuilder counts = JsonSupport.PROVIDER.createObjectBuilder();
    kinds.forEach(counts::add);
    JsonObjectBuilder json =
        JsonSupport.PROVIDER
            .createObjectBuilder()
            .add("id", info.id())
            .add("version", info.version())
            .add("title", info.title())
            .add("kind", snapshot.isCustom(framework) ? "custom" : "builtin")
            .add("latest", snapshot.isLatest(framework))
            .add("entryCount", framework.entries().size())
            .add("entryKinds", counts);
    optional(json, "publisher", info.publisher());
    snapshot.upload(framework).ifPresent(upload -> json.add("upload", upload(upload)));
    return json;
  }

  /** The summary plus the framework's description and its versions. */
  static JsonObject framework(CatalogSnapshot snapshot, Framework framework) {
    FrameworkInfo info = framework.info();
    JsonObjectBuilder json = summary(snapshot, framework);
    optional(json, "published", info.published());
    optional(json, "lastModified", info.lastModified());
    optional(json, "source", info.source());
    optional(json, "url", info.url());
    optional(json, "license", info.license());
    optional(json, "idConvention", info.idConvention());
    json.add("notes", texts(info.notes()));
    JsonArrayBuilder versions = JsonSupport.PROVIDER.createArrayBuilder();
    snapshot.versions(framework.id()).forEach(v -> versions.add(v.version()));
    return json.add("versions", versions).build();
  }

  /** Every entry of a framework version, in publication order. */
  static JsonObject entries(Framework framework) {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    framework.entries().forEach(e -> items.add(entrySummary(e)));
    return JsonSupport.PROVIDER
        .createObjectBuilder()
        .add("framework", framework.id())
        .add("version", framework.version())
        .add("items", items)
        .build();
  }

  /**
   * {@code id}, {@code title} (null where the publisher gives none, as for NIST subcategories),
   * {@code kind}, {@code parent} (null for a root) and {@code label}, what to show: the title or
   * else the official text.
   */
  static JsonObjectBuilder entrySummary(FrameworkEntry entry) {
    JsonObjectBuilder json = JsonSupport.PROVIDER.createObjectBuilder().add("id", entry.id());
    optional(json, "title", entry.title());
    json.add("kind", entry.kind());
    optional(json, "parent", entry.parent());
    return json.add("label", entry.label());
  }

  /** How an input was resolved: {@code input}, {@code match}, {@code confidence}, {@code note}. */
  static JsonObjectBuilder resolution(Resolution resolution) {
    JsonObjectBuilder json =
        JsonSupport.PROVIDER
            .createObjectBuilder()
            .add("input", resolution.input())
            .add("match", resolution.match().name().toLowerCase(Locale.ROOT))
            .add("confidence", resolution.confidence().jsonName());
    optional(json, "note", resolution.note());
    return json;
  }

  /** The answer of the search box: the best match (null when ambiguous) and every match. */
  static JsonObject resolve(String input, Optional<Resolution> best, List<Resolution> matches) {
    JsonArrayBuilder items = JsonSupport.PROVIDER.createArrayBuilder();
    matches.forEach(m -> items.add(match(m)));
    JsonObjectBuilder json = JsonSupport.PROVIDER.createObjectBuilder().add("input", input);
    if (best.isPresent()) {
      json.add("resolved", match(best.get()));
    } else {
      json.addNull("resolved");
    }
    return json.add("ambiguous", best.isEmpty()).add("matches", items).build();
  }

  private static JsonObjectBuilder match(Resolution resolution) {
    FrameworkEntry entry = resolution.entry();
    JsonObjectBuilder json =
        JsonSupport.PROVIDER
            .createObjectBuilder()
            .add("ref", entry.ref().asString())
            .add("framework", entry.ref().frameworkId())
            .add("version", entry.ref().version())
            .addAll(entrySummary(entry));
    return json.addAll(resolution(resolution));
  }

  private static JsonObjectBuilder upload(CustomFrameworkFile upload) {
    return JsonSupport.PROVIDER
        .createObjectBuilder()
        .add("fileName", upload.fileName())
        .add("sha256", upload.sha256())
        .add("uploadedBy", upload.uploadedBy())
        .add("uploadedAt", upload.uploadedAt().toString());
  }

  static JsonArrayBuilder texts(List<String> values) {
    JsonArrayBuilder array = JsonSupport.PROVIDER.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  /** Adds the value, or {@code null} so that every answer has the same members. */
  static void optional(JsonObjectBuilder json, String name, Optional<String> value) {
    if (value.isPresent()) {
      json.add(name, value.get());
    } else {
      json.addNull(name);
    }
  }
}
