package dev.agenttrail.catalog.internal;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each value of a JSON document starts (line and column, both from 1), by JSON Pointer, so
 * that problems found in the parsed tree can name a line. Also reports keys repeated within one
 * object, which a tree parser would silently collapse. The parser reports where a token ends; a
 * value starts at the first character after the previous token that is not white space, {@code :}
 * or {@code ,}.
 */
final class LocationIndex {

  static final LocationIndex EMPTY = new LocationIndex(Map.of());

  /** A line and column; 0 when unknown. */
  record Location(long line, long column) {}

  private final Map<String, Location> byPointer;

  private LocationIndex(Map<String, Location> byPointer) {
    this.byPointer = byPointer;
  }

  /** The location of the pointer, or of its nearest ancestor that has one. */
  Location find(String pointer) {
    String current = pointer;
    while (true) {
      Location location = byPointer.get(current);
      if (location != null) {
        return location;
      }
      if (current.isEmpty()) {
        return new Location(0, 0);
      }
      current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
    }
  }

  /** Indexes a document that is known to parse. */
  static LocationIndex of(JsonProvider provider, String content, Problems problems) {
    Lines lines = new Lines(content);
    Map<String, Location> byPointer = new HashMap<>();
    Deque<Scope> scopes = new ArrayDeque<>();
    int previousEnd = 0;
    try (JsonParser parser = provider.createParser(new StringReader(content))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        int start = lines.tokenStart(previousEnd);
        previousEnd = (int) parser.getLocation().getStreamOffset();
        Scope scope = scopes.peek();
        if (event == JsonParser.Event.KEY_NAME) {
          scope.key(parser.getString(), lines.at(start), problems);
        } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
          scopes.pop();
        } else {
          String pointer = scope == null ? "" : scope.nextPointer();
          byPointer.put(pointer, lines.at(start));
          if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
            scopes.push(new Scope(pointer, event == JsonParser.Event.START_ARRAY));
          }
        }
      }
    }
    return new LocationIndex(byPointer);
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Offsets to lines and columns. */
  private static final class Lines {
    private final String content;
    private final List<Integer> starts = new ArrayList<>();

    Lines(String content) {
      this.content = content;
      starts.add(0);
      for (int i = 0; i < content.length(); i++) {
        if (content.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
    }

    int tokenStart(int from) {
      int i = Math.max(0, from);
      while (i < content.length()
          && (Character.isWhitespace(content.charAt(i))
              || content.charAt(i) == ':'
              || content.charAt(i) == ',')) {
        i++;
      }
      return i;
    }

    Location at(int offset) {
      int line = 0;
      while (line + 1 < starts.size() && starts.get(line + 1) <= offset) {
        line++;
      }
      return new Location(line + 1, offset - starts.get(line) + 1);
    }
  }

  /** The object or array being read. */
  private static final class Scope {
    private final String pointer;
    private final boolean array;
    private final Set<String> keys = new HashSet<>();
    private String key;
    private int index;

    Scope(String pointer, boolean array) {
      this.pointer = pointer;
      this.array = array;
    }

    void key(String name, Location at, Problems problems) {
      key = name;
      if (!keys.add(name)) {
        problems.addAt(
            pointer + "/" + escape(name),
            at.line(),
            at.column(),
            "field '" + name + "' appears more than once in the same object");
      }
    }

    String nextPointer() {
      return pointer + "/" + (array ? String.valueOf(index++) : escape(key));
    }
  }
}
