package dev.agenttrail.webapp.infrastructure.security;

import dev.agenttrail.domain.event.HashChain;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Ingest keys and API tokens: {@code <prefix>_<id>_<secret>}, where the id (12 characters) finds the
 * stored row and the secret is 32 random bytes. Only the SHA-256 of the whole token is stored; a
 * slow hash adds nothing for 256 random bits.
 */
public final class Secrets {

  public static final String INGEST_KEY = "atk";
  public static final String USER_TOKEN = "atu";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  /** A new secret, shown once to its owner. */
  public record Issued(String id, String token, String hash) {}

  /** The parts of a presented token. */
  public record Presented(String prefix, String id, String token) {}

  private Secrets() {}

  public static Issued issue(String prefix) {
    StringBuilder id = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = prefix + "_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new Issued(id.toString(), token, hash(token));
  }

  public static Optional<Presented> parse(String token) {
    String[] parts = token.split("_", 3);
    if (parts.length != 3 || parts[1].length() != 12 || parts[2].length() < 20) {
      return Optional.empty();
    }
    return Optional.of(new Presented(parts[0], parts[1], token));
  }

  public static String hash(String token) {
    return HashChain.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
  }

  /** Compares a presented token with a stored hash in constant time. */
  public static boolean matches(String token, String storedHash) {
    return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
