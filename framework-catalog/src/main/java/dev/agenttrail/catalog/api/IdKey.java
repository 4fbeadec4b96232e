package dev.agenttrail.catalog.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reduces an identifier to the tokens that carry its meaning, so that harmless spellings compare
 * equal: runs of letters (upper-cased), runs of digits (leading zeros dropped) and dots; every
 * other character separates. {@code asi2}, {@code ASI-02} and {@code ASI02} all become {@code ASI
 * 2}; {@code Measure 2.4} and {@code MEASURE-2.4} become {@code MEASURE 2 . 4}.
 */
final class IdKey {

  private IdKey() {}

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int runType = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.isLetter(cp) ? 1 : Character.isDigit(cp) ? 2 : cp == '.' ? 3 : 0;
      if (type != runType || type == 3) {
        flush(run, runType, tokens);
        runType = type;
      }
      if (type != 0) {
        run.appendCodePoint(cp);
      }
    }
    flush(run, runType, tokens);
    return tokens;
  }

  static String key(String text) {
    return join(tokens(text));
  }

  static String join(List<String> tokens) {
    return String.join(" ", tokens);
  }

  private static void flush(StringBuilder run, int type, List<String> tokens) {
    if (run.length() == 0) {
      return;
    }
    String token = run.toString();
    run.setLength(0);
    if (type == 1) {
      tokens.add(token.toUpperCase(Locale.ROOT));
    } else if (type == 2) {
      String digits = token.replaceFirst("^0+", "");
      tokens.add(digits.isEmpty() ? "0" : digits);
    } else if (type == 3) {
      tokens.add(token);
    }
  }
}
