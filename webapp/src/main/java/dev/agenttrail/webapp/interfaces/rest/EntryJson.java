package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.FrameworkEntry;
import dev.agenttrail.catalog.api.Mapping;
import dev.agenttrail.catalog.api.Resolution;
import dev.agenttrail.catalog.api.SignalId;
import dev.agenttrail.domain.shared.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * One entry with everything known about it: its wording, verification and source, its children,
 * and its mappings to controls, signals and other frameworks' entries, each with its provenance
 * and rationale. Mappings store references only; the other end's title is looked up here.
 */
final class EntryJson {

  private EntryJson() {}

  /** The entry a resolution found; {@code resolvedFrom} says how when it was not the exact id. */
  static JsonObject entry(Catalog catalog, Framework framework, Resolution resolution) {
    FrameworkEntry entry = resolution.entry();
    JsonObjectBuilder json =
        JsonSupport.PROVIDER
            .createObjectBuilder()
            .add("ref", entry.ref().asString())
            .add("framework", framework.id())
            .add("version", framework.version())
            .addAll(CatalogJson.entrySummary(entry));
    CatalogJson.optional(json, "text", entry.text());
    CatalogJson.optional(json, "summary", entry.summary());
    if (entry.verification().isPresent()) {
      JsonObjectBuilder verification =
          JsonSupport.PROVIDER
              .createObjectBuilder()
              .add("status", entry.verification().get().status());
      CatalogJson.optional(verification, "basis", entry.verification().get().basis());
      json.add("verification", verification);
    } else {
      json.addNull("verification");
    }
    CatalogJson.optional(json, "source", entry.source().or(() -> framework.info().source()));
    json.add("notes", CatalogJson.texts(entry.notes()));
    JsonObjectBuilder properties = JsonSupport.PROVIDER.createObjectBuilder();
    entry.properties().forEach(properties::add);
    json.add("properties", properties);
    JsonArrayBuilder children = JsonSupport.PROVIDER.createArrayBuilder();
    framework.children(entry.id()).forEach(c -> children.add(CatalogJson.entrySummary(c)));
    json.add("children", children).add("mappings", mappings(catalog, entry.ref()));
    if (!resolution.isExact()) {
      json.add("resolvedFrom", CatalogJson.resolution(resolution));
    }
    return json.build();
  }

  /**
   * {@code controls} and {@code signals} that map to the entry, and {@code crosswalks}: mappings
   * between this entry and entries of other frameworks (or of the same one), both directions.
   */
  static JsonObject mappings(Catalog catalog, EntryRef ref) {
    JsonArrayBuilder controls = JsonSupport.PROVIDER.createArrayBuilder();
    JsonArrayBuilder signals = JsonSupport.PROVIDER.createArrayBuilder();
    JsonArrayBuilder crosswalks = JsonSupport.PROVIDER.createArrayBuilder();
    for (Mapping mapping : catalog.mappingsTo(ref)) {
      if (mapping.from() instanceof ControlId control) {
        JsonObjectBuilder json =
            JsonSupport.PROVIDER.createObjectBuilder().add("control", control.value());
        catalog.findControl(control).ifPresent(c -> json.add("name", c.name()));
        controls.add(provenance(json, mapping));
      } else if (mapping.from() instanceof SignalId signal) {
        JsonObjectBuilder json =
            JsonSupport.PROVIDER.createObjectBuilder().add("signal", signal.value());
        catalog.findSignal(signal).ifPresent(s -> json.add("name", s.name()));
        signals.add(provenance(json, mapping));
      } else if (mapping.from() instanceof EntryRef from) {
        crosswalks.add(link(catalog, mapping, "incoming", from));
      }
    }
    for (Mapping mapping : catalog.mappingsFrom(ref)) {
      crosswalks.add(link(catalog, mapping, "outgoing", mapping.to()));
    }
    return JsonSupport.PROVIDER
        .createObjectBuilder()
        .add("controls", controls)
        .add("signals", signals)
        .add("crosswalks", crosswalks)
        .build();
  }

  private static JsonObjectBuilder link(
      Catalog catalog, Mapping mapping, String direction, EntryRef other) {
    JsonObjectBuilder entry =
        JsonSupport.PROVIDER
            .createObjectBuilder()
            .add("ref", other.asString())
            .add("framework", other.frameworkId())
            .add("version", other.version())
            .add("id", other.entryId());
    catalog.findEntry(other).ifPresent(e -> entry.add("kind", e.kind()).add("label", e.label()));
    JsonObjectBuilder json =
        JsonSupport.PROVIDER
            .createObjectBuilder()
            .add("direction", direction)
            .add("from", mapping.from().asString())
            .add("to", mapping.to().asString())
            .add("entry", entry);
    return provenance(json, mapping);
  }

  private static JsonObjectBuilder provenance(JsonObjectBuilder json, Mapping mapping) {
    json.add("provenance", mapping.provenance().jsonName()).add("rationale", mapping.rationale());
    CatalogJson.optional(json, "source", mapping.source());
    return json;
  }
}
