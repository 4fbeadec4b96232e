package dev.agenttrail.webapp.interfaces.rest;

import dev.agenttrail.domain.event.EventType;
import dev.agenttrail.domain.event.EventValidator;
import dev.agenttrail.domain.event.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Parses list query parameters, collecting every problem so the answer names them all at once. */
final class QueryParams {

  private final List<Violation> problems = new ArrayList<>();

  int limit(String text, int fallback, int max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new Violation(0, "/limit", "must be a whole number from 1 to " + max + ", not '" + text + "'"));
    return fallback;
  }

  Instant instant(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    OffsetDateTime t = EventValidator.parseTimestamp(text.trim());
    if (t == null) {
      problems.add(new Violation(0, "/" + name, "must be an RFC 3339 date-time with offset, such as 2026-11-23T08:00:00Z"));
      return null;
    }
    return t.toInstant();
  }

  String eventType(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (EventType.fromWire(text).isEmpty()) {
      problems.add(new Violation(0, "/type", "'" + text + "' is not an event type"));
    }
    return text;
  }

  Long cursor(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
      if (decoded.startsWith("seq:")) {
        return Long.parseLong(decoded.substring(4));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(new Violation(0, "/cursor", "is not a cursor this API gave out; use the 'next' value of the previous page"));
    return null;
  }

  /** A cursor over incidents (or anything listed by descending id). */
  Long idCursor(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
      if (decoded.startsWith("id:")) {
        return Long.parseLong(decoded.substring(3));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(new Violation(0, "/cursor", "is not a cursor this API gave out; use the 'next' value of the previous page"));
    return null;
  }

  static String cursorForId(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /** One of the allowed values, or a problem naming them. */
  String oneOf(String name, String text, java.util.Collection<String> allowed) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!allowed.contains(text)) {
      problems.add(new Violation(0, "/" + name, "'" + text + "' is not one of " + String.join(", ", allowed)));
      return null;
    }
    return text;
  }

  static String cursorFor(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + seq).getBytes(StandardCharsets.US_ASCII));
  }

  void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new Problem(ProblemType.INVALID_REQUEST, "Some query parameters are invalid.", problems);
    }
  }
}
