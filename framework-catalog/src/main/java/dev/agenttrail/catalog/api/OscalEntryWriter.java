package dev.agenttrail.catalog.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

/** Writes a framework's entries as OSCAL groups and controls, with their props and parts. */
final class OscalEntryWriter {

  private final JsonBuilderFactory json;
  private final Framework framework;
  private final OscalIds ids;

  OscalEntryWriter(JsonBuilderFactory json, Framework framework, OscalIds ids) {
    this.json = json;
    this.framework = framework;
    this.ids = ids;
  }

  JsonObjectBuilder group(FrameworkEntry entry) {
    JsonObjectBuilder group = common(entry);
    JsonArrayBuilder groups = json.createArrayBuilder();
    JsonArrayBuilder controls = json.createArrayBuilder();
    boolean hasGroups = false;
    boolean hasControls = false;
    for (FrameworkEntry child : framework.children(entry.id())) {
      if (framework.children(child.id()).isEmpty()) {
        controls.add(control(child));
        hasControls = true;
      } else {
        groups.add(group(child));
        hasGroups = true;
      }
    }
    if (hasGroups) {
      group.add("groups", groups);
    }
    if (hasControls) {
      group.add("controls", controls);
    }
    return group;
  }

  JsonObjectBuilder control(FrameworkEntry entry) {
    return common(entry);
  }

  private JsonObjectBuilder common(FrameworkEntry entry) {
    String id = ids.of(entry.id());
    JsonObjectBuilder item =
        json.createObjectBuilder()
            .add("id", id)
            .add("class", entry.kind())
            .add("title", entry.title().orElse(entry.id()))
            .add("props", props(entry));
    JsonArrayBuilder parts = json.createArrayBuilder();
    boolean hasParts = false;
    if (entry.text().isPresent()) {
      parts.add(part(id + "_smt", "statement", entry.text().get()));
      hasParts = true;
    }
    if (entry.summary().isPresent()) {
      parts.add(
          part(id + "_ovw", "overview", entry.summary().get()).add("class", "original-wording"));
      hasParts = true;
    }
    if (!entry.notes().isEmpty()) {
      parts.add(
          part(id + "_notes", "notes", String.join("\n\n", entry.notes()))
              .add("ns", OscalCatalogExporter.NAMESPACE));
      hasParts = true;
    }
    if (hasParts) {
      item.add("parts", parts);
    }
    return item;
  }

  private JsonArrayBuilder props(FrameworkEntry entry) {
    JsonArrayBuilder props =
        json.createArrayBuilder()
            .add(json.createObjectBuilder().add("name", "label").add("value", single(entry.id())))
            .add(prop(json, "entry-ref", entry.ref().asString()))
            .add(prop(json, "kind", entry.kind()));
    entry
        .verification()
        .ifPresent(
            v -> {
              props.add(prop(json, "verification", v.status()));
              v.basis().ifPresent(basis -> props.add(prop(json, "verification-basis", basis)));
            });
    if (!entry.source().equals(framework.info().source())) {
      entry.source().ifPresent(source -> props.add(prop(json, "source", source)));
    }
    entry.properties().forEach((name, value) -> props.add(prop(json, name, value)));
    return props;
  }

  private JsonObjectBuilder part(String id, String name, String prose) {
    return json.createObjectBuilder().add("id", id).add("name", name).add("prose", prose);
  }

  /** A prop in the AgentTrail namespace; OSCAL prop values are one line without outer spaces. */
  static JsonObjectBuilder prop(JsonBuilderFactory json, String name, String value) {
    return json.createObjectBuilder()
        .add("name", name)
        .add("ns", OscalCatalogExporter.NAMESPACE)
        .add("value", single(value));
  }

  private static String single(String value) {
    return value.strip().replaceAll("\\s+", " ");
  }
}
