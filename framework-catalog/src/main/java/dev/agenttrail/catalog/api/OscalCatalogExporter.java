package dev.agenttrail.catalog.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Exports one framework version as an OSCAL 1.1.2 catalog (JSON). Entries with children (NIST
 * functions and categories, MAESTRO layers) become groups, the others controls; an entry's official
 * text is its {@code statement} part, its own-words summary an {@code overview} part. Entry ids are
 * converted to OSCAL tokens (see the class comment of {@code OscalIds}) and kept in a {@code label}
 * prop. The catalog UUID is a version 5 UUID of {@code FRAMEWORK@VERSION}, and {@code
 * last-modified} comes from the framework file, so the same framework always exports the same
 * document.
 */
public final class OscalCatalogExporter {

  public static final String OSCAL_VERSION = "1.1.2";

  /** Namespace of the props and parts this exporter adds beyond OSCAL's own. */
  public static final String NAMESPACE = "https://agenttrail.dev/ns/oscal";

  private static final UUID UUIDS =
      NameBasedUuid.of(NameBasedUuid.URL_NAMESPACE, "https://agenttrail.dev/catalog");

  private final JsonProvider provider = JsonProvider.provider();
  private final JsonBuilderFactory json = provider.createBuilderFactory(Map.of());
  private final Clock clock;

  /** Uses the system clock only for frameworks whose file gives no {@code lastModified}. */
  public OscalCatalogExporter() {
    this(Clock.systemUTC());
  }

  public OscalCatalogExporter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The OSCAL document: {@code {"catalog": {...}}}. */
  public JsonObject export(Framework framework) {
    OscalIds ids = new OscalIds(framework.entries());
    OscalEntryWriter entries = new OscalEntryWriter(json, framework, ids);
    JsonArrayBuilder groups = json.createArrayBuilder();
    JsonArrayBuilder controls = json.createArrayBuilder();
    int groupCount = 0;
    int controlCount = 0;
    for (FrameworkEntry root : framework.roots()) {
      if (framework.children(root.id()).isEmpty()) {
        controls.add(entries.control(root));
        controlCount++;
      } else {
        groups.add(entries.group(root));
        groupCount++;
      }
    }
    JsonObjectBuilder catalog =
        json.createObjectBuilder()
            .add("uuid", uuid(framework.info().key()).toString())
            .add("metadata", metadata(framework.info()));
    if (controlCount > 0) {
      catalog.add("controls", controls);
    }
    if (groupCount > 0) {
      catalog.add("groups", groups);
    }
    backMatter(framework.info()).ifPresent(backMatter -> catalog.add("back-matter", backMatter));
    return json.createObjectBuilder().add("catalog", catalog).build();
  }

  /** The OSCAL document as indented JSON text. */
  public String exportAsString(Framework framework) {
    StringWriter text = new StringWriter();
    try (JsonWriter writer =
        provider
            .createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(text)) {
      writer.writeObject(export(framework));
    }
    return text.toString().strip() + "\n";
  }

  /**
   * The OSCAL control id of every entry of a framework version, by entry id, exactly as {@link
   * #export} writes them: other OSCAL documents (assessment results) target entries by these ids.
   */
  public static Map<String, String> controlIds(Framework framework) {
    return new OscalIds(framework.entries()).all();
  }

  /** The stable UUID of a framework version's OSCAL catalog. */
  public static UUID uuid(String frameworkKey) {
    return NameBasedUuid.of(UUIDS, frameworkKey);
  }

  private JsonObjectBuilder metadata(FrameworkInfo info) {
    JsonObjectBuilder metadata = json.createObjectBuilder().add("title", info.title());
    info.published()
        .flatMap(OscalCatalogExporter::startOfDay)
        .ifPresent(p -> metadata.add("published", p));
    metadata
        .add(
            "last-modified",
            info.lastModified()
                .flatMap(OscalCatalogExporter::startOfDay)
                .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString()))
        .add("version", info.version())
        .add("oscal-version", OSCAL_VERSION);
    JsonArrayBuilder props =
        json.createArrayBuilder().add(OscalEntryWriter.prop(json, "framework-id", info.id()));
    info.publisher().ifPresent(p -> props.add(OscalEntryWriter.prop(json, "publisher", p)));
    info.license().ifPresent(l -> props.add(OscalEntryWriter.prop(json, "license", l)));
    metadata.add("props", props);
    info.url()
        .ifPresent(
            url ->
                metadata.add(
                    "links",
                    json.createArrayBuilder()
                        .add(json.createObjectBuilder().add("href", url).add("rel", "reference"))));
    StringBuilder remarks = new StringBuilder();
    info.source().ifPresent(s -> remarks.append("Source: ").append(s).append("\n\n"));
    info.idConvention().ifPresent(c -> remarks.append("Identifiers: ").append(c).append("\n\n"));
    info.notes().forEach(n -> remarks.append(n).append("\n\n"));
    if (remarks.length() > 0) {
      metadata.add("remarks", remarks.toString().strip());
    }
    return metadata;
  }

  private Optional<JsonObjectBuilder> backMatter(FrameworkInfo info) {
    if (info.source().isEmpty()) {
      return Optional.empty();
    }
    JsonObjectBuilder resource =
        json.createObjectBuilder()
            .add("uuid", uuid(info.key() + "#source").toString())
            .add("title", "Source document")
            .add("citation", json.createObjectBuilder().add("text", info.source().get()));
    info.url()
        .ifPresent(
            url ->
                resource.add(
                    "rlinks",
                    json.createArrayBuilder().add(json.createObjectBuilder().add("href", url))));
    return Optional.of(
        json.createObjectBuilder().add("resources", json.createArrayBuilder().add(resource)));
  }

  private static Optional<String> startOfDay(String date) {
    try {
      return Optional.of(LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
