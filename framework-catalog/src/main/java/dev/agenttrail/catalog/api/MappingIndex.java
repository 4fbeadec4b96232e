package dev.agenttrail.catalog.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Looks mappings up by either end. */
final class MappingIndex {

  private final List<Mapping> all;
  private final Map<MappingEnd, List<Mapping>> byFrom = new HashMap<>();
  private final Map<EntryRef, List<Mapping>> byTo = new HashMap<>();

  MappingIndex(List<Mapping> mappings) {
    this.all = List.copyOf(mappings);
    for (Mapping mapping : all) {
      byFrom.computeIfAbsent(mapping.from(), key -> new ArrayList<>()).add(mapping);
      byTo.computeIfAbsent(mapping.to(), key -> new ArrayList<>()).add(mapping);
    }
    byFrom.replaceAll((key, list) -> List.copyOf(list));
    byTo.replaceAll((key, list) -> List.copyOf(list));
  }

  List<Mapping> all() {
    return all;
  }

  List<Mapping> from(MappingEnd end) {
    return byFrom.getOrDefault(end, List.of());
  }

  List<Mapping> to(EntryRef ref) {
    return byTo.getOrDefault(ref, List.of());
  }
}
