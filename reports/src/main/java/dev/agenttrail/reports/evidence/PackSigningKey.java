package dev.agenttrail.reports.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The Ed25519 key that signs pack manifests, kept as PKCS#8 DER in {@code <dir>/evidence-signing.pk8}
 * (readable by its owner only) with the public key beside it as X.509 DER, created on first use.
 * Signatures are compact JWS (RFC 7515) with {@code alg: EdDSA} (RFC 8037) and the public key as a
 * JWK in the protected header; its RFC 7638 thumbprint is the {@code kid}.
 */
public final class PackSigningKey {

  static final String PRIVATE_FILE = "evidence-signing.pk8";
  static final String PUBLIC_FILE = "evidence-signing.pub.der";
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private PackSigningKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Loads the key from {@code dir}, or creates it there if it is not there yet. */
  public static synchronized PackSigningKey loadOrCreate(Path dir) throws IOException {
    Path privateFile = dir.resolve(PRIVATE_FILE);
    Path publicFile = dir.resolve(PUBLIC_FILE);
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        return new PackSigningKey(
            factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))),
            factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))));
      }
      Files.createDirectories(dir);
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      writeAtomically(privateFile, pair.getPrivate().getEncoded(), true);
      writeAtomically(publicFile, pair.getPublic().getEncoded(), false);
      return new PackSigningKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM cannot handle Ed25519 keys", e);
    }
  }

  /** A key that lives only in memory (tests, benchmarks). */
  public static PackSigningKey ephemeral() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new PackSigningKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM cannot handle Ed25519 keys", e);
    }
  }

  /** The raw 32-byte public key, base64url: the JWK's {@code x}. */
  public String x() {
    byte[] spki = publicKey.getEncoded();
    return B64URL.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
  }

  /** The public key as a JWK: {@code {"kty":"OKP","crv":"Ed25519","x":"...","kid":"..."}}. */
  public String publicJwk() {
    return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x() + "\",\"kid\":\"" + keyId() + "\"}";
  }

  /** The public key as PEM (SubjectPublicKeyInfo). */
  public String publicPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** RFC 7638 thumbprint of the public JWK, base64url. */
  public String keyId() {
    String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x() + "\"}";
    try {
      return B64URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A compact JWS whose payload is {@code payload}, signed with this key. */
  public String sign(byte[] payload) {
    String header = "{\"alg\":\"EdDSA\",\"typ\":\"agenttrail-manifest+jws\",\"kid\":\"" + keyId()
        + "\",\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x() + "\"}}";
    String signingInput = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + B64URL.encodeToString(payload);
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign the manifest", e);
    }
  }

  private static void writeAtomically(Path file, byte[] bytes, boolean secret) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    if (secret) {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the data directory's own permissions protect it
      }
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
