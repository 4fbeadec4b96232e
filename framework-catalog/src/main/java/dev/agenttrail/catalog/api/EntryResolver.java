package dev.agenttrail.catalog.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves identifiers within one framework version: the exact id, then a literal alias, then a
 * harmless variant (see {@link IdKey}, with the framework's prefixes, edition suffix and
 * abbreviations), then an alias pattern.
 */
final class EntryResolver {

  private final FrameworkInfo info;
  private final Map<String, FrameworkEntry> byId;
  private final Map<String, FrameworkEntry> byKey = new HashMap<>();
  private final Map<String, Alias> aliases = new HashMap<>();
  private final List<List<String>> prefixes;
  private final Map<String, List<String>> abbreviations = new HashMap<>();
  private final List<AliasPattern> patterns;
  private final List<Pattern> compiled;

  EntryResolver(FrameworkInfo info, Map<String, FrameworkEntry> byId, NamingRules rules) {
    this.info = info;
    this.byId = byId;
    Set<String> clashing = new HashSet<>();
    for (FrameworkEntry entry : byId.values()) {
      String key = IdKey.key(entry.id());
      if (byKey.putIfAbsent(key, entry) != null) {
        clashing.add(key);
      }
    }
    clashing.forEach(byKey::remove);
    rules.aliases().forEach(alias -> aliases.put(literal(alias.alias()), alias));
    List<String> prefixTexts = new ArrayList<>(rules.idPrefixes());
    prefixTexts.add(info.id());
    this.prefixes =
        prefixTexts.stream()
            .map(IdKey::tokens)
            .filter(tokens -> !tokens.isEmpty())
            .sorted(Comparator.comparingInt(List<String>::size).reversed())
            .collect(Collectors.toList());
    rules
        .idAbbreviations()
        .forEach((abbr, word) -> abbreviations.put(IdKey.key(abbr), IdKey.tokens(word)));
    this.patterns = rules.aliasPatterns();
    this.compiled = patterns.stream().map(AliasPattern::pattern).collect(Collectors.toList());
  }

  Optional<Resolution> resolve(String raw) {
    String input = raw.strip();
    if (input.isEmpty()) {
      return Optional.empty();
    }
    FrameworkEntry exact = byId.get(input);
    if (exact != null) {
      return Optional.of(
          new Resolution(raw, exact, Resolution.Match.EXACT, Confidence.HIGH, Optional.empty()));
    }
    Alias alias = aliases.get(literal(input));
    if (alias != null) {
      return Optional.of(
          new Resolution(
              raw,
              byId.get(alias.entryId()),
              Resolution.Match.ALIAS,
              alias.confidence(),
              Optional.of(alias.note())));
    }
    Optional<Variant> variant = variant(input);
    if (variant.isPresent()) {
      Variant found = variant.get();
      String note = "Read '" + input + "' as " + found.entry().id() + found.how();
      return Optional.of(
          new Resolution(
              raw, found.entry(), Resolution.Match.VARIANT, Confidence.HIGH, Optional.of(note)));
    }
    return byPattern(raw, input);
  }

  /** Every entry with its edit distance to the input, in catalog order. */
  List<ClosestIds.Scored> scored(String raw) {
    String upper = raw.strip().toUpperCase(Locale.ROOT);
    List<List<String>> candidates = candidates(raw.strip());
    String stripped = IdKey.join(candidates.get(candidates.size() > 1 ? 1 : 0));
    List<ClosestIds.Scored> scored = new ArrayList<>();
    for (FrameworkEntry entry : byId.values()) {
      int distance =
          Math.min(
              ClosestIds.distance(upper, entry.id().toUpperCase(Locale.ROOT)),
              ClosestIds.distance(stripped, IdKey.key(entry.id())));
      scored.add(new ClosestIds.Scored(entry, distance));
    }
    return scored;
  }

  private Optional<Resolution> byPattern(String raw, String input) {
    for (int i = 0; i < patterns.size(); i++) {
      Matcher matcher = compiled.get(i).matcher(input);
      if (!matcher.matches()) {
        continue;
      }
      String candidate = matcher.replaceFirst(patterns.get(i).replacement());
      FrameworkEntry target = byId.get(candidate);
      if (target == null) {
        target = variant(candidate).map(Variant::entry).orElse(null);
      }
      if (target != null) {
        String note = "Read '" + input + "' as " + target.id() + ". " + patterns.get(i).note();
        return Optional.of(
            new Resolution(
                raw,
                target,
                Resolution.Match.ALIAS,
                patterns.get(i).confidence(),
                Optional.of(note)));
      }
    }
    return Optional.empty();
  }

  private Optional<Variant> variant(String input) {
    List<List<String>> candidates = candidates(input);
    for (List<String> candidate : candidates) {
      FrameworkEntry hit = byKey.get(IdKey.join(candidate));
      if (hit != null) {
        return Optional.of(
            new Variant(
                hit,
                " (letter case, separators, leading zeros, framework"
                    + " prefixes and edition suffixes are ignored)."));
      }
    }
    for (List<String> candidate : candidates) {
      List<String> word = candidate.isEmpty() ? null : abbreviations.get(candidate.get(0));
      if (word == null) {
        continue;
      }
      List<String> expanded = new ArrayList<>(word);
      expanded.addAll(candidate.subList(1, candidate.size()));
      FrameworkEntry hit = byKey.get(IdKey.join(expanded));
      if (hit != null) {
        return Optional.of(
            new Variant(
                hit,
                " ('"
                    + candidate.get(0)
                    + "' is the short form of '"
                    + IdKey.join(word)
                    + "' in "
                    + info.id()
                    + ")."));
      }
    }
    return Optional.empty();
  }

  /** The input's tokens, without an edition suffix, then without each matching prefix. */
  private List<List<String>> candidates(String input) {
    String suffix = ":" + info.version();
    String text = input;
    if (text.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
      text = text.substring(0, text.length() - suffix.length()).strip();
    }
    List<String> tokens = IdKey.tokens(text);
    List<List<String>> candidates = new ArrayList<>();
    candidates.add(tokens);
    for (List<String> prefix : prefixes) {
      if (tokens.size() > prefix.size() && tokens.subList(0, prefix.size()).equals(prefix)) {
        candidates.add(tokens.subList(prefix.size(), tokens.size()));
      }
    }
    return candidates;
  }

  private static String literal(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private record Variant(FrameworkEntry entry, String how) {}
}
