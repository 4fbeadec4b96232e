package dev.agenttrail.catalog.internal;

import dev.agenttrail.catalog.api.Alias;
import dev.agenttrail.catalog.api.AliasPattern;
import dev.agenttrail.catalog.api.Confidence;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.FrameworkInfo;
import dev.agenttrail.catalog.api.IdSyntax;
import dev.agenttrail.catalog.api.NamingRules;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a framework file: the {@code framework} header, entries, aliases and mappings. */
final class FrameworkFileReader {

  private static final Set<String> HEADER_FIELDS =
      Set.of(
          "id",
          "version",
          "title",
          "publisher",
          "published",
          "lastModified",
          "source",
          "url",
          "license",
          "idConvention",
          "idPrefixes",
          "idAbbreviations",
          "notes");

  private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d+)");

  /** What a framework file yields; the framework is absent if the file has problems. */
  record Parsed(
      Optional<Framework> framework,
      FrameworkContext context,
      Node header,
      List<MappingDraft> mappings) {}

  private FrameworkFileReader() {}

  static Parsed read(Node root, Node header) {
    header.allowOnly(HEADER_FIELDS);
    Optional<String> id = header.requiredText("id");
    id.filter(value -> !IdSyntax.isFrameworkId(value))
        .ifPresent(
            value ->
                header.problem(
                    "id",
                    "framework id '"
                        + value
                        + "' is not valid: use letters, digits, . _ - (e.g. ACME-AGENT-POLICY)"));
    Optional<String> version = header.requiredText("version");
    version
        .filter(value -> !IdSyntax.isVersion(value))
        .ifPresent(
            value ->
                header.problem(
                    "version",
                    "version '"
                        + value
                        + "' is not valid: use letters, digits, . _ - (e.g. 1.0 or 2026)"));
    Optional<String> title = header.requiredText("title");
    Optional<String> lastModified = header.text("lastModified");
    lastModified.ifPresent(value -> checkDate(header, value));
    Map<String, String> abbreviations = header.textMap("idAbbreviations");
    FrameworkInfo info = null;
    boolean headerOk =
        id.filter(IdSyntax::isFrameworkId).isPresent()
            && version.filter(IdSyntax::isVersion).isPresent()
            && title.isPresent();
    if (headerOk) {
      info =
          new FrameworkInfo(
              id.get(),
              version.get(),
              title.get(),
              header.text("publisher"),
              header.text("published"),
              lastModified,
              header.text("source"),
              header.text("url"),
              header.text("license"),
              header.text("idConvention"),
              header.texts("notes"));
    }
    List<String> prefixes = header.texts("idPrefixes");

    EntryReader entries = new EntryReader();
    entries.read(root.requiredObjects("entries"));
    FrameworkContext context = new FrameworkContext(id, version, Set.copyOf(entries.ids()));
    List<Alias> aliases = aliases(root.objects("aliases"), entries.ids());
    List<AliasPattern> patterns = patterns(root.objects("aliasPatterns"));
    List<MappingDraft> mappings = new ArrayList<>();
    for (Node node : root.objects("mappings")) {
      MappingDraft.read(node, Optional.of(context)).ifPresent(mappings::add);
    }
    Optional<Framework> framework = Optional.empty();
    if (info != null && root.problems().isEmpty()) {
      NamingRules rules = new NamingRules(prefixes, abbreviations, aliases, patterns);
      framework = Optional.of(Framework.of(info, entries.build(info), rules));
    }
    return new Parsed(framework, context, header, mappings);
  }

  private static List<Alias> aliases(List<Node> nodes, Set<String> entryIds) {
    List<Alias> aliases = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Node node : nodes) {
      node.allowOnly(Set.of("alias", "entry", "confidence", "note"));
      Optional<String> alias = node.requiredText("alias");
      Optional<String> entry = node.requiredText("entry");
      Optional<Confidence> confidence = confidence(node);
      Optional<String> note = node.requiredText("note");
      entry
          .filter(value -> !entryIds.contains(value))
          .ifPresent(
              value ->
                  node.problem(
                      "entry", "alias target '" + value + "' is not an entry of this framework"));
      alias
          .map(value -> value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
          .ifPresent(
              key -> {
                String first = seen.putIfAbsent(key, node.pointer());
                if (first != null) {
                  node.problem(
                      "alias",
                      "duplicate alias '" + alias.get() + "' (first defined at " + first + ")");
                } else if (entryIds.contains(alias.get().strip())) {
                  node.problem("alias", "alias '" + alias.get() + "' is itself an entry id");
                }
              });
      if (alias.isPresent()
          && entry.filter(entryIds::contains).isPresent()
          && confidence.isPresent()
          && note.isPresent()) {
        aliases.add(new Alias(alias.get(), entry.get(), confidence.get(), note.get()));
      }
    }
    return aliases;
  }

  private static List<AliasPattern> patterns(List<Node> nodes) {
    List<AliasPattern> patterns = new ArrayList<>();
    for (Node node : nodes) {
      node.allowOnly(Set.of("pattern", "replacement", "confidence", "note"));
      Optional<String> regex = node.requiredText("pattern");
      Optional<String> replacement = node.requiredText("replacement");
      Optional<Confidence> confidence = confidence(node);
      Optional<String> note = node.requiredText("note");
      if (regex.isEmpty() || replacement.isEmpty() || confidence.isEmpty() || note.isEmpty()) {
        continue;
      }
      AliasPattern pattern;
      try {
        pattern = new AliasPattern(regex.get(), replacement.get(), confidence.get(), note.get());
      } catch (IllegalArgumentException e) {
        Throwable cause = e.getCause() instanceof PatternSyntaxException ? e.getCause() : e;
        node.problem("pattern", "not a valid regular expression: " + cause.getMessage());
        continue;
      }
      int groups = pattern.pattern().matcher("").groupCount();
      Matcher group = GROUP_REFERENCE.matcher(replacement.get());
      while (group.find()) {
        if (Integer.parseInt(group.group(1)) > groups) {
          node.problem(
              "replacement",
              "replacement refers to group "
                  + group.group()
                  + " but the pattern has "
                  + groups
                  + (groups == 1 ? " group" : " groups"));
          pattern = null;
          break;
        }
      }
      if (pattern != null) {
        patterns.add(pattern);
      }
    }
    return patterns;
  }

  private static Optional<Confidence> confidence(Node node) {
    Optional<String> text = node.requiredText("confidence");
    Optional<Confidence> confidence = text.flatMap(Confidence::fromJsonName);
    if (text.isPresent() && confidence.isEmpty()) {
      node.problem("confidence", "confidence '" + text.get() + "' is not one of high, medium, low");
    }
    return confidence;
  }

  private static void checkDate(Node header, String value) {
    try {
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      header.problem(
          "lastModified", "lastModified '" + value + "' is not an ISO date such as 2026-11-23");
    }
  }
}
