package dev.agenttrail.domain.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ledger's hash chain: {@code hash(n) = SHA-256(hash(n-1) || canonical bytes of event n)},
 * where {@code hash(n-1)} is the previous entry's 32-byte digest and the chain starts from 32 zero
 * bytes ({@link #GENESIS}). Hashes are written as lower-case hex.
 */
public final class HashChain {

  /** The hash "before" the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private HashChain() {}

  /** The hash of an entry whose canonical bytes are {@code canonical}, after {@code previousHex}. */
  public static String next(String previousHex, byte[] canonical) {
    MessageDigest sha = sha256();
    sha.update(HEX.parseHex(previousHex));
    sha.update(canonical);
    return HEX.formatHex(sha.digest());
  }

  /**
   * The digest of the entry after {@code previous} (a 32-byte digest): the same value as
   * {@link #next(String, byte[])} without hex round trips, for appending many entries with one
   * {@code sha}.
   */
  public static byte[] next(MessageDigest sha, byte[] previous, byte[] canonical) {
    sha.update(previous);
    sha.update(canonical);
    return sha.digest();
  }

  public static byte[] fromHex(String hex) {
    return HEX.parseHex(hex);
  }

  public static String toHex(byte[] digest) {
    return HEX.formatHex(digest);
  }

  public static String next(String previousHex, String canonical) {
    return next(previousHex, canonical.getBytes(StandardCharsets.UTF_8));
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  public static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(sha256().digest(bytes));
  }
}
