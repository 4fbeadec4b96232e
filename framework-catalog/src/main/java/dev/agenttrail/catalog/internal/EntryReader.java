package dev.agenttrail.catalog.internal;

import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.FrameworkEntry;
import dev.agenttrail.catalog.api.FrameworkInfo;
import dev.agenttrail.catalog.api.IdSyntax;
import dev.agenttrail.catalog.api.Verification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code entries} of a framework file: id syntax and uniqueness, kind, title or text,
 * verification, notes, properties, and that every parent exists without a loop.
 */
final class EntryReader {

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "kind",
          "parent",
          "title",
          "text",
          "summary",
          "verification",
          "source",
          "notes",
          "properties");

  /** An entry as written, before it becomes a {@link FrameworkEntry}. */
  private record Draft(
      Node node,
      String id,
      String kind,
      Optional<String> parent,
      Optional<String> title,
      Optional<String> text,
      Optional<String> summary,
      Optional<Verification> verification,
      Optional<String> source,
      List<String> notes,
      Map<String, String> properties) {}

  private final Map<String, Draft> byId = new LinkedHashMap<>();
  private boolean complete = true;

  /** The ids read, including those of entries that have problems. */
  Set<String> ids() {
    return byId.keySet();
  }

  void read(List<Node> entries) {
    for (Node node : entries) {
      node.allowOnly(FIELDS);
      Optional<String> id = node.requiredText("id");
      id.filter(value -> !IdSyntax.isEntryId(value))
          .ifPresent(
              value ->
                  node.problem(
                      "id",
                      "entry id '"
                          + value
                          + "' is not valid: use letters, digits, spaces and . _ ( ) / + -,"
                          + " no ':' or '@', no leading, trailing or double spaces"));
      Optional<String> kind = node.requiredText("kind");
      kind.filter(value -> !IdSyntax.isKind(value))
          .ifPresent(
              value ->
                  node.problem(
                      "kind",
                      "kind '" + value + "' is not valid: use lower-case letters, digits and -"));
      Optional<String> title = node.text("title");
      Optional<String> text = node.text("text");
      if (!node.has("title") && !node.has("text")) {
        node.problem("an entry needs a 'title' or a 'text' (or both)");
      }
      Optional<Verification> verification =
          node.object("verification").flatMap(EntryReader::verification);
      Map<String, String> properties = node.textMap("properties");
      properties.keySet().stream()
          .filter(key -> !IdSyntax.isPropertyName(key))
          .forEach(
              key ->
                  node.problem(
                      "properties",
                      "property name '"
                          + key
                          + "' is not valid: start with a letter or _,"
                          + " then letters, digits, . _ -"));
      Draft draft =
          new Draft(
              node,
              id.orElse(null),
              kind.orElse(null),
              node.text("parent"),
              title,
              text,
              node.text("summary"),
              verification,
              node.text("source"),
              node.texts("notes"),
              properties);
      if (id.isEmpty() || kind.isEmpty() || (title.isEmpty() && text.isEmpty())) {
        complete = false;
        continue;
      }
      Draft first = byId.putIfAbsent(id.get(), draft);
      if (first != null) {
        node.problem(
            "id",
            "duplicate entry id '"
                + id.get()
                + "' (first defined at "
                + first.node().pointer()
                + ")");
      }
    }
    checkParents();
  }

  /** The entries, if every one of them could be read. */
  List<FrameworkEntry> build(FrameworkInfo info) {
    List<FrameworkEntry> built = new ArrayList<>();
    if (!complete) {
      return built;
    }
    for (Draft d : byId.values()) {
      built.add(
          new FrameworkEntry(
              EntryRef.of(info.id(), info.version(), d.id()),
              d.kind(),
              d.parent(),
              d.title(),
              d.text(),
              d.summary(),
              d.verification(),
              d.source().or(info::source),
              d.notes(),
              d.properties()));
    }
    return built;
  }

  private void checkParents() {
    Set<String> inReportedLoop = new HashSet<>();
    for (Draft draft : byId.values()) {
      if (inReportedLoop.contains(draft.id())) {
        continue;
      }
      Optional<String> parent = draft.parent();
      if (parent.isEmpty()) {
        continue;
      }
      if (!byId.containsKey(parent.get())) {
        draft
            .node()
            .problem("parent", "parent '" + parent.get() + "' is not an entry of this framework");
        complete = false;
        continue;
      }
      Set<String> chain = new LinkedHashSet<>();
      chain.add(draft.id());
      Optional<String> next = parent;
      while (next.isPresent() && byId.containsKey(next.get())) {
        if (!chain.add(next.get())) {
          draft
              .node()
              .problem(
                  "parent",
                  "parent chain loops: " + String.join(" -> ", chain) + " -> " + next.get());
          inReportedLoop.addAll(chain);
          complete = false;
          break;
        }
        next = byId.get(next.get()).parent();
      }
    }
  }

  private static Optional<Verification> verification(Node node) {
    node.allowOnly(Set.of("status", "basis"));
    Optional<String> status = node.requiredText("status");
    Optional<String> basis = node.text("basis");
    return status.map(value -> new Verification(value, basis));
  }
}
