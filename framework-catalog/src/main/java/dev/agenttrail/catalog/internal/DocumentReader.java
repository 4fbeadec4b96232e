package dev.agenttrail.catalog.internal;

import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads catalog files of the three kinds the format knows, by the section they carry: a framework
 * file ({@code framework}, {@code entries}, optional {@code aliases}, {@code aliasPatterns}, {@code
 * mappings}), a mapping-set file ({@code mappingSet}, {@code mappings}) and a library file ({@code
 * controls} and/or {@code signals}). Collects what they hold for {@link CatalogAssembler}.
 */
final class DocumentReader {

  static final String FORMAT = "agenttrail-catalog/1";

  private static final Set<String> SECTIONS =
      Set.of(
          "format",
          "framework",
          "entries",
          "aliases",
          "aliasPatterns",
          "mappings",
          "mappingSet",
          "controls",
          "signals");
  private static final Set<String> MAPPING_SET_FIELDS =
      Set.of("id", "title", "source", "publisher", "license", "verification", "notes");

  private final JsonProvider provider;
  private final boolean frameworksOnly;
  private final List<FrameworkFileReader.Parsed> frameworks = new ArrayList<>();
  private final List<MappingDraft> mappings = new ArrayList<>();
  private final List<LibraryReader.ControlDraft> controls = new ArrayList<>();
  private final List<LibraryReader.SignalDraft> signals = new ArrayList<>();

  DocumentReader(JsonProvider provider, boolean frameworksOnly) {
    this.provider = provider;
    this.frameworksOnly = frameworksOnly;
  }

  void read(String content, Problems problems) {
    Optional<Node> parsed = JsonDocument.parse(provider, content, problems);
    if (parsed.isEmpty()) {
      return;
    }
    Node root = parsed.get();
    root.allowOnly(SECTIONS);
    root.requiredText("format")
        .filter(format -> !FORMAT.equals(format))
        .ifPresent(
            format ->
                root.problem(
                    "format",
                    "format '" + format + "' is not supported; expected '" + FORMAT + "'"));
    boolean framework = root.has("framework");
    boolean mappingSet = root.has("mappingSet");
    boolean library = root.has("controls") || root.has("signals");
    if (frameworksOnly && !framework) {
      root.problem(
          "missing required field 'framework': a custom framework file needs a 'framework' section"
              + " with at least id, version and title, and 'entries'");
    } else if (!framework && !mappingSet && !library) {
      root.problem(
          "not a catalog file: expected a 'framework', 'mappingSet', 'controls' or 'signals'"
              + " section");
    }
    if (framework) {
      forbid(root, "framework file", "mappingSet", "controls", "signals");
      root.object("framework")
          .ifPresent(header -> frameworks.add(FrameworkFileReader.read(root, header)));
    } else if (mappingSet && !frameworksOnly) {
      forbid(
          root, "mapping-set file", "entries", "aliases", "aliasPatterns", "controls", "signals");
      readMappingSet(root);
    } else if (library && !frameworksOnly) {
      forbid(root, "library file", "entries", "aliases", "aliasPatterns", "mappings");
      controls.addAll(LibraryReader.controls(root.objects("controls")));
      signals.addAll(LibraryReader.signals(root.objects("signals")));
    }
  }

  List<FrameworkFileReader.Parsed> frameworks() {
    return frameworks;
  }

  List<MappingDraft> mappings() {
    List<MappingDraft> all = new ArrayList<>();
    frameworks.forEach(parsed -> all.addAll(parsed.mappings()));
    all.addAll(mappings);
    return all;
  }

  List<LibraryReader.ControlDraft> controls() {
    return controls;
  }

  List<LibraryReader.SignalDraft> signals() {
    return signals;
  }

  private void readMappingSet(Node root) {
    root.object("mappingSet")
        .ifPresent(
            header -> {
              header.allowOnly(MAPPING_SET_FIELDS);
              header.requiredText("id");
              header.requiredText("title");
              header.requiredText("source");
              header.texts("notes");
            });
    for (Node node : root.requiredObjects("mappings")) {
      MappingDraft.read(node, Optional.empty()).ifPresent(mappings::add);
    }
  }

  private static void forbid(Node root, String kind, String... fields) {
    for (String field : fields) {
      if (root.has(field)) {
        root.problem(field, "'" + field + "' does not belong in a " + kind);
      }
    }
  }
}
