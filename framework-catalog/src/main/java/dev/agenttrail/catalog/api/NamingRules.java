package dev.agenttrail.catalog.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a framework's identifiers may be written besides the official form: prefixes that may stand
 * before an id ({@code NIST AI RMF MEASURE 2.4}), abbreviations of an id's first word ({@code GV}
 * for {@code GOVERN}), literal aliases and alias patterns.
 */
public record NamingRules(
    List<String> idPrefixes,
    Map<String, String> idAbbreviations,
    List<Alias> aliases,
    List<AliasPattern> aliasPatterns) {

  public NamingRules {
    idPrefixes = List.copyOf(idPrefixes);
    idAbbreviations = Collections.unmodifiableMap(new LinkedHashMap<>(idAbbreviations));
    aliases = List.copyOf(aliases);
    aliasPatterns = List.copyOf(aliasPatterns);
  }

  /** No prefixes, abbreviations or aliases. */
  public static NamingRules none() {
    return new NamingRules(List.of(), Map.of(), List.of(), List.of());
  }
}
