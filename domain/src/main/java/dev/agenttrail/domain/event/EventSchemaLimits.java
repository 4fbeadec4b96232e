package dev.agenttrail.domain.event;

/** Helpers for adapters that build events from other formats and must stay within event-v1's limits. */
public final class EventSchemaLimits {

  private EventSchemaLimits() {}

  /** {@code text} cut to at most {@code maxCodePoints} code points, marked with an ellipsis when cut. */
  public static String clip(String text, int maxCodePoints) {
    if (text.codePointCount(0, text.length()) <= maxCodePoints) {
      return text;
    }
    int end = text.offsetByCodePoints(0, maxCodePoints - 1);
    return text.substring(0, end) + "…";
  }
}
