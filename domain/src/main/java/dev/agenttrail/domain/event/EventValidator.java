package dev.agenttrail.domain.event;

import dev.agenttrail.domain.event.EventSchema.AnyObject;
import dev.agenttrail.domain.event.EventSchema.Bool;
import dev.agenttrail.domain.event.EventSchema.Count;
import dev.agenttrail.domain.event.EventSchema.Enum;
import dev.agenttrail.domain.event.EventSchema.Obj;
import dev.agenttrail.domain.event.EventSchema.Rule;
import dev.agenttrail.domain.event.EventSchema.Text;
import dev.agenttrail.domain.event.EventSchema.TextList;
import dev.agenttrail.domain.event.EventSchema.Timestamp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks one event against {@code event-v1} and reports every problem with a JSON pointer, so a
 * producer fixes a batch in one round trip instead of one error at a time.
 */
public final class EventValidator {

  private final int maxAttributesBytes;

  /** @param maxAttributesBytes the limit on {@code attributes} serialised (contract: 64 KiB) */
  public EventValidator(int maxAttributesBytes) {
    this.maxAttributesBytes = maxAttributesBytes;
  }

  /** Every problem with {@code item}, empty when it is a valid event. */
  public List<Violation> validate(int index, JsonValue item) {
    List<Violation> out = new ArrayList<>();
    if (item.getValueType() != JsonValue.ValueType.OBJECT) {
      out.add(new Violation(index, "", "an event must be a JSON object, not " + kind(item)));
      return out;
    }
    checkObject(index, Pointer.ROOT, item.asJsonObject(), EventSchema.EVENT, out);
    return out;
  }

  private void checkObject(int index, Pointer at, JsonObject object, Obj rule, List<Violation> out) {
    if (!object.keySet().containsAll(rule.required())) {
      for (String name : new TreeSet<>(rule.required())) {
        if (!object.containsKey(name)) {
          out.add(new Violation(index, at.child(name).toString(), "required property '" + name + "' is missing"));
        }
      }
    }
    for (Map.Entry<String, JsonValue> e : object.entrySet()) {
      Pointer pointer = at.child(e.getKey());
      Rule child = rule.properties().get(e.getKey());
      if (child == null) {
        out.add(new Violation(index, pointer.toString(), "unknown property '" + e.getKey() + "'"
            + (at.isRoot() ? "; free-form data belongs in 'attributes'" : "")));
      } else {
        check(index, pointer, e.getValue(), child, out);
      }
    }
  }

  private void check(int index, Pointer at, JsonValue value, Rule rule, List<Violation> out) {
    if (rule instanceof Text t) {
      checkText(index, at, value, t, out);
    } else if (rule instanceof Enum en) {
      if (!(value instanceof JsonString s) || !en.allowed().contains(s.getString())) {
        out.add(new Violation(index, at.toString(), "must be one of " + new TreeSet<>(en.allowed()) + ", not " + show(value)));
      }
    } else if (rule instanceof Bool) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        out.add(new Violation(index, at.toString(), "must be true or false, not " + show(value)));
      }
    } else if (rule instanceof Timestamp) {
      if (!(value instanceof JsonString s) || Timestamps.parse(s.getString()) == null) {
        out.add(new Violation(index, at.toString(),
            "must be an RFC 3339 date-time with offset, such as 2026-11-23T08:15:00Z, not " + show(value)));
      }
    } else if (rule instanceof Count) {
      if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().signum() < 0) {
        out.add(new Violation(index, at.toString(), "must be a whole number of 0 or more, not " + show(value)));
      }
    } else if (rule instanceof TextList l) {
      checkList(index, at, value, l, out);
    } else if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      out.add(new Violation(index, at.toString(), "must be an object, not " + kind(value)));
    } else if (rule instanceof Obj o) {
      checkObject(index, at, value.asJsonObject(), o, out);
    } else if (rule instanceof AnyObject) {
      int size = CanonicalJson.utf8Length(value);
      if (size > maxAttributesBytes) {
        out.add(new Violation(index, at.toString(), "is " + size + " bytes serialised; the limit is " + maxAttributesBytes));
      }
    }
  }

  private static void checkText(int index, Pointer at, JsonValue value, Text t, List<Violation> out) {
    if (!(value instanceof JsonString s)) {
      out.add(new Violation(index, at.toString(), "must be a string, not " + kind(value)));
      return;
    }
    String text = s.getString();
    int length = text.codePointCount(0, text.length());
    if (t.pattern() != null) {
      if (!t.pattern().matcher(text).matches()) {
        out.add(new Violation(index, at.toString(), "must be " + t.patternHint() + ", not " + show(value)));
      }
    } else if (length < 1 && at.toString().endsWith("/agent/id")) {
      out.add(new Violation(index, at.toString(), "must not be empty"));
    } else if (length > t.maxLength()) {
      out.add(new Violation(index, at.toString(), "is " + length + " characters long; at most " + t.maxLength() + " are allowed"));
    }
  }

  private static void checkList(int index, Pointer at, JsonValue value, TextList l, List<Violation> out) {
    if (!(value instanceof JsonArray array)) {
      out.add(new Violation(index, at.toString(), "must be an array of strings, not " + kind(value)));
      return;
    }
    if (array.size() > l.maxItems()) {
      out.add(new Violation(index, at.toString(), "has " + array.size() + " items; at most " + l.maxItems() + " are allowed"));
    }
    for (int i = 0; i < array.size(); i++) {
      checkText(index, at.child(Integer.toString(i)), array.get(i), new Text(l.maxLength()), out);
    }
  }

  /**
   * A JSON pointer, written out only when a violation needs it: valid events are the common case,
   * and building every member's pointer as a string cost more than checking the member.
   */
  private record Pointer(Pointer parent, String token) {
    static final Pointer ROOT = new Pointer(null, null);

    Pointer child(String name) {
      return new Pointer(this, name);
    }

    boolean isRoot() {
      return parent == null;
    }

    @Override
    public String toString() {
      return isRoot() ? "" : parent + "/" + escape(token);
    }
  }

  /** Parses an RFC 3339 date-time with offset, or answers null. */
  public static OffsetDateTime parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text.replace('t', 'T').replace('z', 'Z'));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String escape(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String kind(JsonValue v) {
    return switch (v.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }

  private static String show(JsonValue v) {
    String text = v.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
