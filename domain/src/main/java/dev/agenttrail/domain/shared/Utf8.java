package dev.agenttrail.domain.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Text received as bytes (request bodies, uploaded files), which must be UTF-8. */
public final class Utf8 {

  private Utf8() {}

  /**
   * The text of {@code bytes}, or empty if they are not valid UTF-8: malformed input is refused,
   * never replaced. Most input is valid and decodes in one pass into a compact string; only text
   * whose lenient decoding holds U+FFFD (malformed input, or that character sent as such) is decoded
   * again strictly to tell the two apart.
   */
  public static Optional<String> decode(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return Optional.of(text);
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
