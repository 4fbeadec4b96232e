package dev.agenttrail.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void shouldDecodeAsciiAndTextBeyondIt() {
    String text = "tool r\u00e9sum\u00e9 \u6587\u4ef6 \uD83D\uDE00";

    assertThat(Utf8.decode(text.getBytes(StandardCharsets.UTF_8))).contains(text);
    assertThat(Utf8.decode(new byte[0])).contains("");
  }

  @Test
  void shouldKeepTheReplacementCharacterSentAsSuch() {
    assertThat(Utf8.decode("a\uFFFDb".getBytes(StandardCharsets.UTF_8))).contains("a\uFFFDb");
  }

  @Test
  void shouldRefuseMalformedInputInsteadOfReplacingIt() {
    byte[] leadByteThenAscii = {'a', (byte) 0xC3, 'b'};
    byte[] loneContinuation = {'a', (byte) 0x80};
    byte[] truncatedAtTheEnd = {'a', (byte) 0xE6, (byte) 0x96};
    byte[] encodedSurrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};

    assertThat(Utf8.decode(leadByteThenAscii)).isEmpty();
    assertThat(Utf8.decode(loneContinuation)).isEmpty();
    assertThat(Utf8.decode(truncatedAtTheEnd)).isEmpty();
    assertThat(Utf8.decode(encodedSurrogate)).isEmpty();
  }

  @Test
  void shouldRefuseMalformedInputEvenNextToAReplacementCharacterSentAsSuch() {
    byte[] valid = "\uFFFD".getBytes(StandardCharsets.UTF_8);
    byte[] both = {valid[0], valid[1], valid[2], (byte) 0xC3, 'b'};

    assertThat(Utf8.decode(both)).isEmpty();
  }
}
