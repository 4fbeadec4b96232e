package dev.agenttrail.reports.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Verifies an evidence pack offline: {@code java -jar agenttrail.jar verify pack.zip [--key public-key.pem]}.
 *
 * <ol>
 *   <li>{@code manifest.jws} is a compact JWS, {@code alg} EdDSA (Ed25519), whose signature verifies
 *       with the given key (or, without {@code --key}, with the key in its header, which only shows
 *       the pack is intact, not who made it), and whose payload is exactly {@code manifest.json};
 *   <li>every file the manifest lists is in the ZIP with that size and SHA-256, and the ZIP holds no
 *       other file;
 *   <li>every line of {@code events.ndjson} has {@code hash = SHA-256(prev || event bytes)}; where
 *       seqs are consecutive, each line's {@code prev} is the line before's {@code hash}; seqs
 *       increase; the count, number of contiguous runs, first and last seq and hash are those the
 *       manifest signs.
 * </ol>
 *
 * Every failure is reported, one line each; exit status 0 when the pack verifies, 1 when it does
 * not, 2 when it cannot be read.
 */
public final class PackVerifier {

  private static final Pattern LINE = Pattern.compile(
      "^\\{\"seq\":(\\d+),\"prev\":\"([0-9a-f]{64})\",\"hash\":\"([0-9a-f]{64})\",\"event\":(.*)\\}$");
  private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final int MAX_LINE_FAILURES = 20;

  /** What the verification found. {@code failures} empty means the pack verified. */
  public record Result(List<String> failures, List<String> notes) {
    public boolean valid() {
      return failures.isEmpty();
    }
  }

  private final List<String> failures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private PackVerifier() {}

  /** Command line entry: prints the outcome and returns the exit status. */
  public static int run(List<String> args, PrintStream out) {
    Path pack = null;
    Path key = null;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--key") && i + 1 < args.size()) {
        key = Path.of(args.get(++i));
      } else if (pack == null && !args.get(i).startsWith("--")) {
        pack = Path.of(args.get(i));
      } else {
        pack = null;
        break;
      }
    }
    if (pack == null) {
      out.println("usage: java -jar agenttrail.jar verify <pack.zip> [--key <public-key.pem or .jwk>]");
      return 2;
    }
    try {
      PublicKey pinned = key == null ? null : readKey(Files.readString(key));
      Result result = verify(pack, pinned);
      result.notes().forEach(n -> out.println("note: " + n));
      if (result.valid()) {
        out.println("VERIFIED " + pack);
        return 0;
      }
      result.failures().forEach(f -> out.println("FAIL: " + f));
      out.println("NOT VERIFIED " + pack + ": " + result.failures().size() + " failure(s)");
      return 1;
    } catch (IOException | IllegalArgumentException e) {
      out.println("ERROR: cannot read " + (key != null && !Files.isReadable(key) ? key : pack) + ": " + e.getMessage());
      return 2;
    }
  }

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Verifies a pack; {@code pinned} is the public key to require, or null to use the one in the pack. */
  public static Result verify(Path pack, PublicKey pinned) throws IOException {
    PackVerifier v = new PackVerifier();
    try (ZipFile zip = new ZipFile(pack.toFile(), StandardCharsets.UTF_8)) {
      v.check(zip, pinned);
    }
    return new Result(List.copyOf(v.failures), List.copyOf(v.notes));
  }

  private void check(ZipFile zip, PublicKey pinned) throws IOException {
    byte[] manifestBytes = read(zip, "manifest.json");
    byte[] jws = read(zip, "manifest.jws");
    if (manifestBytes == null || jws == null) {
      if (manifestBytes == null) {
        failures.add("manifest.json is missing");
      }
      if (jws == null) {
        failures.add("manifest.jws (the signature) is missing");
      }
      return;
    }
    checkSignature(new String(jws, StandardCharsets.US_ASCII).trim(), manifestBytes, pinned);
    Map<String, Object> manifest;
    try {
      manifest = object(MiniJson.parse(new String(manifestBytes, StandardCharsets.UTF_8)), "manifest.json");
    } catch (IllegalArgumentException e) {
      failures.add("manifest.json is not valid JSON: " + e.getMessage());
      return;
    }
    Set<String> listed = new LinkedHashSet<>(List.of("manifest.json", "manifest.jws"));
    for (Object f : list(manifest.get("files"), "manifest files")) {
      Map<String, Object> file = object(f, "manifest file");
      String name = (String) file.get("name");
      listed.add(name);
      checkFile(zip, name, (String) file.get("sha256"), number(file.get("size")));
    }
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      String name = e.nextElement().getName();
      if (!listed.contains(name)) {
        failures.add(name + " is in the ZIP but not in the manifest");
      }
    }
    ZipEntry events = zip.getEntry("events.ndjson");
    if (events != null) {
      try (InputStream in = zip.getInputStream(events)) {
        checkLedger(in, object(manifest.get("ledger"), "manifest ledger"));
      }
    } else {
      failures.add("events.ndjson is missing");
    }
  }

  private void checkSignature(String jws, byte[] manifest, PublicKey pinned) {
    String[] parts = jws.split("\\.", -1);
    if (parts.length != 3) {
      failures.add("manifest.jws is not a compact JWS (three base64url parts)");
      return;
    }
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      Map<String, Object> header = object(MiniJson.parse(new String(b64.decode(parts[0]), StandardCharsets.UTF_8)), "JWS header");
      if (!"EdDSA".equals(header.get("alg"))) {
        failures.add("manifest.jws: algorithm " + header.get("alg") + " is not EdDSA");
        return;
      }
      PublicKey key = pinned;
      if (header.get("jwk") instanceof Map<?, ?> jwk && jwk.get("x") instanceof String x) {
        PublicKey embedded = ed25519(b64.decode(x));
        if (pinned == null) {
          key = embedded;
          notes.add("signature checked with the key in the pack (" + header.get("kid")
              + "); pass --key with AgentTrail's published public key to check who signed it");
        } else if (!Arrays.equals(pinned.getEncoded(), embedded.getEncoded())) {
          failures.add("manifest.jws names a different key (" + header.get("kid") + ") than the one given with --key");
        }
      }
      if (key == null) {
        failures.add("manifest.jws carries no key and none was given with --key");
        return;
      }
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(b64.decode(parts[2]))) {
        failures.add("manifest.jws: the signature does not verify: the manifest was changed or signed by another key");
      }
      if (!Arrays.equals(b64.decode(parts[1]), manifest)) {
        failures.add("manifest.json differs from the manifest that manifest.jws signs");
      }
    } catch (IllegalArgumentException e) {
      failures.add("manifest.jws cannot be read: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      failures.add("manifest.jws: the key or signature is invalid: " + e.getMessage());
    }
  }

  private void checkFile(ZipFile zip, String name, String sha256, long size) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      failures.add(name + " is listed in the manifest but missing from the ZIP");
      return;
    }
    MessageDigest sha = sha256();
    long actual = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        actual += n;
      }
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    if (!hex.equals(sha256)) {
      failures.add(name + ": SHA-256 is " + hex + ", the manifest says " + sha256);
    }
    if (actual != size) {
      failures.add(name + ": size is " + actual + " bytes, the manifest says " + size);
    }
  }

  private void checkLedger(InputStream in, Map<String, Object> ledger) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    HexFormat hex = HexFormat.of();
    long count = 0;
    long runs = 0;
    long lastSeq = 0;
    String lastHash = null;
    long firstSeq = 0;
    String firstHash = null;
    String firstPrev = null;
    int lineFailures = 0;
    long lineNo = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      lineNo++;
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        lineFailures = fail(lineFailures, "events.ndjson line " + lineNo + " is not a ledger line");
        continue;
      }
      long seq = Long.parseLong(m.group(1));
      String prev = m.group(2);
      String hash = m.group(3);
      MessageDigest sha = sha256();
      sha.update(hex.parseHex(prev));
      sha.update(m.group(4).getBytes(StandardCharsets.UTF_8));
      if (!hex.formatHex(sha.digest()).equals(hash)) {
        lineFailures = fail(lineFailures, "seq " + seq + ": hash does not match SHA-256(prev || event): the event or its hash was changed");
      }
      if (count == 0) {
        firstSeq = seq;
        firstHash = hash;
        firstPrev = prev;
        runs = 1;
      } else if (seq <= lastSeq) {
        lineFailures = fail(lineFailures, "seq " + seq + " follows seq " + lastSeq + ": entries out of order or repeated");
      } else if (seq == lastSeq + 1) {
        if (!prev.equals(lastHash)) {
          lineFailures = fail(lineFailures, "seq " + seq + " does not chain: its prev is not the hash of seq " + lastSeq);
        }
      } else {
        runs++;
      }
      count++;
      lastSeq = seq;
      lastHash = hash;
    }
    if (lineFailures > MAX_LINE_FAILURES) {
      failures.add("... and " + (lineFailures - MAX_LINE_FAILURES) + " more ledger line failures");
    }
    expect("number of events", number(ledger.get("events")), count);
    if (count > 0) {
      expect("runs", number(ledger.get("runs")), runs);
      expect("first seq", number(ledger.get("firstSeq")), firstSeq);
      expect("last seq", number(ledger.get("lastSeq")), lastSeq);
      expectText("first hash", ledger.get("firstHash"), firstHash);
      expectText("first previous hash", ledger.get("firstPreviousHash"), firstPrev);
      expectText("last hash", ledger.get("lastHash"), lastHash);
    }
  }

  private int fail(int lineFailures, String message) {
    if (lineFailures < MAX_LINE_FAILURES) {
      failures.add(message);
    }
    return lineFailures + 1;
  }

  private void expect(String what, long signed, long actual) {
    if (signed != actual) {
      failures.add("ledger segment: " + what + " is " + actual + " in events.ndjson, the manifest says " + signed);
    }
  }

  private void expectText(String what, Object signed, String actual) {
    if (!actual.equals(signed)) {
      failures.add("ledger segment: " + what + " is " + actual + " in events.ndjson, the manifest says " + signed);
    }
  }

  /** Reads a public key from PEM (SubjectPublicKeyInfo) or a JWK with {@code x}. */
  static PublicKey readKey(String text) {
    try {
      String t = text.trim();
      if (t.startsWith("{")) {
        Object x = object(MiniJson.parse(t), "JWK").get("x");
        if (!(x instanceof String s)) {
          throw new IllegalArgumentException("the JWK has no 'x'");
        }
        return ed25519(Base64.getUrlDecoder().decode(s));
      }
      String body = t.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage());
    }
  }

  private static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
    if (raw.length != 32) {
      throw new GeneralSecurityException("an Ed25519 key has 32 bytes, not " + raw.length);
    }
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  private static byte[] read(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      return null;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String what) {
    if (!(value instanceof List)) {
      throw new IllegalArgumentException(what + " is not a JSON array");
    }
    return (List<Object>) value;
  }

  private static long number(Object value) {
    return value instanceof BigDecimal n ? n.longValueExact() : -1;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
