package dev.agenttrail.catalog.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OSCAL ids for a framework's entries. OSCAL ids are tokens (a letter or {@code _}, then letters,
 * digits, {@code . _ -}), so an entry id is lower-cased and every other character becomes {@code
 * -}: {@code GOVERN 1.1} becomes {@code govern-1.1}, {@code MAESTRO-L1-T1} becomes {@code
 * maestro-l1-t1}. An id that would start otherwise gets {@code id-} in front; a clash gets {@code
 * -2}, {@code -3} in entry order. The original id stays in the {@code label} prop.
 */
final class OscalIds {

  private final Map<String, String> byEntryId = new HashMap<>();

  OscalIds(List<FrameworkEntry> entries) {
    Set<String> used = new HashSet<>();
    for (FrameworkEntry entry : entries) {
      String base = token(entry.id());
      String candidate = base;
      for (int n = 2; !used.add(candidate); n++) {
        candidate = base + "-" + n;
      }
      byEntryId.put(entry.id(), candidate);
    }
  }

  Map<String, String> all() {
    return Map.copyOf(byEntryId);
  }

  String of(String entryId) {
    return byEntryId.get(entryId);
  }

  static String token(String id) {
    StringBuilder token = new StringBuilder();
    for (char c : id.toLowerCase(Locale.ROOT).toCharArray()) {
      token.append(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '-');
    }
    String text = token.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    return !text.isEmpty() && (Character.isLetter(text.charAt(0)) || text.charAt(0) == '_')
        ? text
        : "id-" + text;
  }
}
