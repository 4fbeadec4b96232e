package dev.agenttrail.reports.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.domain.event.HashChain;
import dev.agenttrail.reports.pdf.PdfEvidencePackRenderer;
import dev.agenttrail.reports.verify.PackVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidencePackBuilderTest {

  static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  @TempDir
  Path dir;

  private final FakeEvidence evidence = new FakeEvidence(30);
  private final PackSigningKey key = PackSigningKey.ephemeral();
  private final EvidencePackBuilder builder = new EvidencePackBuilder(CatalogLoader.loadBuiltIn(), evidence, evidence,
      new PdfEvidencePackRenderer(), key, Clock.fixed(NOW, ZoneOffset.UTC), "0.1.0-test");

  private Path build(PackScope scope) throws IOException {
    Path zip = dir.resolve("pack-" + System.nanoTime() + ".zip");
    List<Integer> progress = new ArrayList<>();
    try (OutputStream out = Files.newOutputStream(zip)) {
      builder.build("pack-1", scope, out, progress::add);
    }
    assertThat(progress).isSorted().contains(98);
    return zip;
  }

  private static PackScope week() {
    return new PackScope(FakeEvidence.FROM, FakeEvidence.TO, List.of(), List.of());
  }

  @Test
  void shouldHoldEveryFileAndListItInTheSignedManifest() throws IOException {
    Map<String, byte[]> files = Packs.read(build(week()));

    assertThat(files.keySet()).containsExactly("events.ndjson", "incidents.json", "escalations.json", "coverage.json",
        "assessment-results.json", "evidence-pack.pdf", "manifest.json", "manifest.jws");
    String manifest = Packs.text(files.get("manifest.json"));
    assertThat(manifest).contains("\"name\": \"events.ndjson\"", "\"sha256\": \"" + HashChain.sha256Hex(files.get("events.ndjson")) + "\"",
        "\"firstSeq\": 1", "\"lastSeq\": 30", "\"lastHash\": \"" + evidence.ledger.get(29).hash() + "\"",
        "\"from\": \"2026-11-16T00:00:00Z\"", "OWASP-ASI-2026@2026", "\"agentTrailVersion\": \"0.1.0-test\"");
    assertThat(Packs.text(files.get("events.ndjson")).lines()).hasSize(30).first().asString()
        .startsWith("{\"seq\":1,\"prev\":\"" + HashChain.GENESIS + "\",\"hash\":\"" + evidence.ledger.get(0).hash() + "\",\"event\":{");
    assertThat(Packs.text(files.get("incidents.json"))).contains("\"signal\": \"SHARED_CREDENTIAL\"", "\"entry\": \"MEASURE 2.7\"",
        "\"to\": \"ACKNOWLEDGED\"");
    assertThat(Packs.text(files.get("coverage.json"))).contains("\"state\": \"failing\"", "\"state\": \"evidenced\"",
        "\"state\": \"not_evidenced\"");
    assertThat(Packs.text(files.get("escalations.json"))).contains("\"deadlineBreached\": true", "\"decider\": \"risk-officer\"");
  }

  @Test
  void shouldVerifyAFreshPack() throws IOException {
    PackVerifier.Result result = PackVerifier.verify(build(week()), null);

    assertThat(result.failures()).isEmpty();
    assertThat(result.notes()).anyMatch(n -> n.contains("--key"));
  }

  @Test
  void shouldVerifyAFreshPackAgainstThePublishedKeyAndExitZero() throws IOException {
    Path pack = build(week());
    Path pem = Files.writeString(dir.resolve("key.pem"), key.publicPem());
    Path jwk = Files.writeString(dir.resolve("key.jwk"), key.publicJwk());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(PackVerifier.run(List.of(pack.toString(), "--key", pem.toString()), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
    assertThat(PackVerifier.run(List.of(pack.toString(), "--key", jwk.toString()), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("VERIFIED").doesNotContain("FAIL");
  }

  @Test
  void shouldVerifyAPackForOneAgentWhoseEventsDoNotFollowEachOther() throws IOException {
    Path pack = build(new PackScope(FakeEvidence.FROM, FakeEvidence.TO, List.of("OWASP-ASI-2026"), List.of(FakeEvidence.UNICODE_AGENT)));

    assertThat(PackVerifier.verify(pack, null).failures()).isEmpty();
    String manifest = Packs.text(Packs.read(pack).get("manifest.json"));
    assertThat(manifest).contains("\"events\": 10", "\"runs\": 10", "\"firstSeq\": 3", FakeEvidence.UNICODE_AGENT);
  }

  @Test
  void shouldFailWhenOneByteOfAnEventChanges() throws IOException {
    Path pack = build(week());
    Map<String, byte[]> files = Packs.read(pack);
    byte[] events = files.get("events.ndjson");
    int at = Packs.text(events).indexOf("\"e7\"") + 2;
    events[at] = (byte) '8';

    PackVerifier.Result result = PackVerifier.verify(Packs.write(dir.resolve("changed.zip"), files), null);

    assertThat(result.failures()).anyMatch(f -> f.startsWith("events.ndjson: SHA-256 is"))
        .anyMatch(f -> f.startsWith("seq 7: hash does not match"));
  }

  @Test
  void shouldFailWhenOneByteOfThePdfChanges() throws IOException {
    Map<String, byte[]> files = Packs.read(build(week()));
    byte[] pdf = files.get("evidence-pack.pdf");
    pdf[pdf.length / 2] ^= 1;

    PackVerifier.Result result = PackVerifier.verify(Packs.write(dir.resolve("changed.zip"), files), null);

    assertThat(result.failures()).singleElement().asString().startsWith("evidence-pack.pdf: SHA-256 is");
  }

  @Test
  void shouldFailWithAWrongSignature() throws IOException {
    Path pack = build(week());
    Map<String, byte[]> files = Packs.read(pack);
    String manifest = Packs.text(files.get("manifest.json")).replace("\"agentTrailVersion\": \"0.1.0-test\"", "\"agentTrailVersion\": \"9.9.9\"");
    files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    PackSigningKey other = PackSigningKey.ephemeral();
    files.put("manifest.jws", other.sign(files.get("manifest.json")).getBytes(StandardCharsets.US_ASCII));
    Path forged = Packs.write(dir.resolve("forged.zip"), files);
    Path published = Files.writeString(dir.resolve("key.pem"), key.publicPem());

    PackVerifier.Result pinned = PackVerifier.verify(forged, PackVerifierKeys.read(published));
    assertThat(pinned.failures()).anyMatch(f -> f.contains("different key"));

    String jws = Packs.text(Packs.read(pack).get("manifest.jws"));
    Map<String, byte[]> tampered = Packs.read(pack);
    tampered.put("manifest.jws", (jws.substring(0, jws.length() - 3) + (jws.endsWith("AAA") ? "BBB" : "AAA")).getBytes(StandardCharsets.US_ASCII));
    PackVerifier.Result badSignature = PackVerifier.verify(Packs.write(dir.resolve("bad.zip"), tampered), null);
    assertThat(badSignature.failures()).anyMatch(f -> f.startsWith("manifest.jws: the signature does not verify"));
  }

  @Test
  void shouldFailWhenTheManifestIsChangedAfterSigning() throws IOException {
    Map<String, byte[]> files = Packs.read(build(week()));
    files.put("manifest.json", Packs.text(files.get("manifest.json")).replace("\"runs\": 1", "\"runs\": 2").getBytes(StandardCharsets.UTF_8));

    PackVerifier.Result result = PackVerifier.verify(Packs.write(dir.resolve("changed.zip"), files), null);

    assertThat(result.failures()).contains("manifest.json differs from the manifest that manifest.jws signs");
  }

  @Test
  void shouldFailWhenTheLedgerSegmentDoesNotChainEvenIfEachLineAndTheManifestAgree() throws IOException {
    Map<String, byte[]> files = Packs.read(build(week()));
    String oldSha = HashChain.sha256Hex(files.get("events.ndjson"));
    List<String> lines = new ArrayList<>(Packs.text(files.get("events.ndjson")).lines().toList());
    // a forged entry 12: its own hash is consistent, but it does not follow entry 11
    String forgedPayload = "{\"agent\":{\"id\":\"billing-bot\"},\"id\":\"forged\",\"source\":\"prod-gw\",\"type\":\"tool.invocation\"}";
    String forgedPrev = HashChain.sha256Hex("not entry 11".getBytes(StandardCharsets.UTF_8));
    lines.set(11, "{\"seq\":12,\"prev\":\"" + forgedPrev + "\",\"hash\":\"" + HashChain.next(forgedPrev, forgedPayload)
        + "\",\"event\":" + forgedPayload + "}");
    byte[] events = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    files.put("events.ndjson", events);
    String manifest = Packs.text(files.get("manifest.json"));
    manifest = manifest.replace(oldSha, HashChain.sha256Hex(events))
        .replaceAll("(\"name\": \"events.ndjson\",\\s*\"sha256\": \"[0-9a-f]{64}\",\\s*\"size\": )\\d+", "$1" + events.length);
    files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    files.put("manifest.jws", key.sign(files.get("manifest.json")).getBytes(StandardCharsets.US_ASCII));

    PackVerifier.Result result = PackVerifier.verify(Packs.write(dir.resolve("unchained.zip"), files), null);

    assertThat(result.failures()).containsExactlyInAnyOrder(
        "seq 12 does not chain: its prev is not the hash of seq 11",
        "seq 13 does not chain: its prev is not the hash of seq 12");
  }

  @Test
  void shouldRenderEverySectionAndTheKnownIncidentInThePdf() throws IOException {
    byte[] pdf = Packs.read(build(week())).get("evidence-pack.pdf");

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("AgentTrail evidence pack", "Executive summary", "Coverage matrix", "Incidents",
          "Escalations", "Runtime controls", "Ledger verification", "Method and catalog versions");
      assertThat(text).contains("Incident 41: SHARED_CREDENTIAL", "Severity high, status open",
          "used the same credential cred-77", "OWASP-ASI-2026@2026:ASI03 (product)", FakeEvidence.UNICODE_AGENT,
          "acknowledged to open by amy", "Evidence (ledger seq)");
      assertThat(text).contains("Events: 30 from 2 agents", "1 escalations, 1 deadline breaches", "evidenced", "failing",
          "not evidenced", "Level 2: user:risk-officer");
      assertThat(text).contains("Whole ledger at generation: verified, 30 entries", evidence.ledger.get(29).hash().substring(0, 40));
      assertThat(text).contains("OWASP-ASI-2026@2026", "NIST-AI-RMF-1.0@1.0", "CSA-MAESTRO-2025@2025");
      int pages = document.getNumberOfPages();
      assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
      PDFTextStripper lastPage = new PDFTextStripper();
      lastPage.setStartPage(pages);
      lastPage.setEndPage(pages);
      assertThat(lastPage.getText(document)).contains("Period 2026-11-16T00:00:00Z to 2026-11-23T00:00:00Z",
          "Generated 2026-11-23T06:00:00Z");
      List<String> bookmarks = new ArrayList<>();
      for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
        bookmarks.add(item.getTitle());
      }
      assertThat(bookmarks).containsExactly("AgentTrail evidence pack", "Executive summary", "Coverage matrix", "Incidents",
          "Escalations", "Runtime controls", "Ledger verification", "Method and catalog versions");
    }
  }

  @Test
  void shouldWriteAssessmentResultsThatValidateAgainstTheOfficialOscalSchema() throws IOException {
    String oscal = Packs.text(Packs.read(build(week())).get("assessment-results.json"));

    assertThat(new OscalSchema().violations(oscal)).isEmpty();
    assertThat(oscal).contains("\"oscal-version\": \"1.1.2\"", "\"target-id\": \"asi03\"", "\"state\": \"not-satisfied\"",
        "Incident 41: SHARED_CREDENTIAL", "\"title\": \"OWASP-ASI-2026@2026:ASI03\"");
  }

  @Test
  void shouldWriteValidAssessmentResultsAndAVerifiablePackForAnEmptyPeriod() throws IOException {
    evidence.ledger.clear();
    evidence.incidents.clear();
    evidence.evidence.clear();

    Path zip = build(week());

    assertThat(new OscalSchema().violations(Packs.text(Packs.read(zip).get("assessment-results.json")))).isEmpty();
    assertThat(PackVerifier.verify(zip, null).failures()).isEmpty();
  }

  @Test
  void shouldKeepTheSigningKeyAcrossRestarts() throws IOException {
    PackSigningKey first = PackSigningKey.loadOrCreate(dir.resolve("keys"));
    PackSigningKey again = PackSigningKey.loadOrCreate(dir.resolve("keys"));

    assertThat(again.keyId()).isEqualTo(first.keyId());
    assertThat(again.publicPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(Files.getPosixFilePermissions(dir.resolve("keys/evidence-signing.pk8"))).hasSize(2);
  }
}
