package dev.agenttrail.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashChainTest {

  @Test
  void shouldHashThePreviousDigestFollowedByTheCanonicalBytes() throws Exception {
    String first = HashChain.next(HashChain.GENESIS, "{\"a\":1}");
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(new byte[32]);
    sha.update("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(first).isEqualTo(HexFormat.of().formatHex(sha.digest())).hasSize(64);

    String second = HashChain.next(first, "{\"a\":2}");
    sha.update(HexFormat.of().parseHex(first));
    sha.update("{\"a\":2}".getBytes(StandardCharsets.UTF_8));
    assertThat(second).isEqualTo(HexFormat.of().formatHex(sha.digest()));
  }

  @Test
  void shouldChangeEveryLaterHashWhenOneEntryChanges() {
    String a1 = HashChain.next(HashChain.GENESIS, "{\"a\":1}");
    String b1 = HashChain.next(HashChain.GENESIS, "{\"a\":9}");
    assertThat(HashChain.next(a1, "{\"a\":2}")).isNotEqualTo(HashChain.next(b1, "{\"a\":2}"));
  }

  @Test
  void shouldGiveTheSameChainWhenOneDigestAppendsManyEntries() {
    java.security.MessageDigest sha = HashChain.sha256();
    byte[] digest = HashChain.fromHex(HashChain.GENESIS);
    String hex = HashChain.GENESIS;
    for (String entry : new String[] {"{\"a\":1}", "{\"b\":\"\u20ac\"}", "{}"}) {
      byte[] bytes = entry.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      digest = HashChain.next(sha, digest, bytes);
      hex = HashChain.next(hex, entry);
      assertThat(HashChain.toHex(digest)).isEqualTo(hex);
    }
  }
}
