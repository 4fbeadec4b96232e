package dev.agenttrail.domain.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * RFC 3339 timestamps on the ingest and detection hot paths. {@link #parse} accepts exactly what
 * {@link OffsetDateTime#parse(CharSequence)} accepts (with {@code t} and {@code z} in either case);
 * {@link #format} writes exactly what {@link Instant#toString()} writes. The common shapes
 * ({@code 2026-11-23T08:15:00Z}, with a fraction or a {@code +HH:MM} offset) are read and written
 * by hand, because the general formatter took about a tenth of ingest's CPU; every other shape goes
 * through {@code java.time}.
 */
public final class Timestamps {

  private Timestamps() {}

  /** The instant {@code text} names, or null when it is not an RFC 3339 date-time with an offset. */
  public static Instant parse(String text) {
    Instant fast = parseCommon(text);
    if (fast != null) {
      return fast;
    }
    OffsetDateTime parsed = EventValidator.parseTimestamp(text);
    return parsed == null ? null : parsed.toInstant();
  }

  /** {@code instant} as {@link Instant#toString()} writes it. */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds >= 253402300800L) { // before 1970 or after 9999: leave it to java.time
      return instant.toString();
    }
    long days = Math.floorDiv(seconds, 86400);
    int secondOfDay = (int) Math.floorMod(seconds, 86400);
    LocalDate date = LocalDate.ofEpochDay(days);
    char[] out = new char[30];
    int n = 0;
    n = digits(out, n, date.getYear(), 4);
    out[n++] = '-';
    n = digits(out, n, date.getMonthValue(), 2);
    out[n++] = '-';
    n = digits(out, n, date.getDayOfMonth(), 2);
    out[n++] = 'T';
    n = digits(out, n, secondOfDay / 3600, 2);
    out[n++] = ':';
    n = digits(out, n, secondOfDay / 60 % 60, 2);
    out[n++] = ':';
    n = digits(out, n, secondOfDay % 60, 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      out[n++] = '.';
      if (nanos % 1_000_000 == 0) {
        n = digits(out, n, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        n = digits(out, n, nanos / 1000, 6);
      } else {
        n = digits(out, n, nanos, 9);
      }
    }
    out[n++] = 'Z';
    return new String(out, 0, n);
  }

  private static int digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)}, validated as strictly as java.time does;
   * null for anything else, including valid shapes this does not handle (the caller falls back).
   */
  static Instant parseCommon(String s) {
    int length = s.length();
    if (length < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    int hour = number(s, 11, 2);
    int minute = number(s, 14, 2);
    int second = number(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < length && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    if (i >= length) {
      return null;
    }
    int offsetSeconds;
    char sign = s.charAt(i);
    if ((sign == 'Z' || sign == 'z') && i + 1 == length) {
      offsetSeconds = 0;
    } else if ((sign == '+' || sign == '-') && i + 6 == length && s.charAt(i + 3) == ':') {
      int oh = number(s, i + 1, 2);
      int om = number(s, i + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
        return null;
      }
      offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay(); // rejects 30 February as java.time's strict parse does
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
  }

  /** The non-negative number in {@code s[from, from + width)}, or -1 if any of it is not an ASCII digit. */
  private static int number(String s, int from, int width) {
    int value = 0;
    for (int i = from; i < from + width; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
