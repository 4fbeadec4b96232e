package dev.agenttrail.reports.evidence;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.Control;
import dev.agenttrail.catalog.api.ControlId;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.SignalId;
import dev.agenttrail.domain.coverage.CoverageEvaluator;
import dev.agenttrail.domain.coverage.CoverageState;
import dev.agenttrail.domain.coverage.FrameworkCoverage;
import dev.agenttrail.domain.coverage.IncidentFacts;
import dev.agenttrail.domain.event.HashChain;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds one evidence pack as a ZIP, streaming: the ledger segment goes straight from the source
 * into {@code events.ndjson} (one line per entry, nothing kept but counters), then the incidents,
 * escalations and coverage of the period are read and assembled into an {@link EvidencePack}, and
 * the JSON files, the OSCAL assessment results and the PDF are written from it. Every file is
 * hashed while written; {@code manifest.json} lists them and {@code manifest.jws} signs it.
 */
public final class EvidencePackBuilder {

  /** Receives the progress of a build, 0 to 100. */
  public interface Progress {
    void update(int percent);
  }

  public static final String EVENTS = "events.ndjson";
  public static final String INCIDENTS = "incidents.json";
  public static final String ESCALATIONS = "escalations.json";
  public static final String COVERAGE = "coverage.json";
  public static final String OSCAL = "assessment-results.json";
  public static final String PDF = "evidence-pack.pdf";
  public static final String MANIFEST = "manifest.json";
  public static final String SIGNATURE = "manifest.jws";

  private final Catalog catalog;
  private final EvidenceSource source;
  private final EscalationFeed escalations;
  private final EvidencePackRenderer renderer;
  private final PackSigningKey key;
  private final Clock clock;
  private final String version;

  public EvidencePackBuilder(Catalog catalog, EvidenceSource source, EscalationFeed escalations,
      EvidencePackRenderer renderer, PackSigningKey key, Clock clock, String version) {
    this.catalog = Objects.requireNonNull(catalog);
    this.source = Objects.requireNonNull(source);
    this.escalations = Objects.requireNonNull(escalations);
    this.renderer = Objects.requireNonNull(renderer);
    this.key = Objects.requireNonNull(key);
    this.clock = Objects.requireNonNull(clock);
    this.version = Objects.requireNonNull(version);
  }

  /**
   * The framework versions a scope reports: each id's latest version ({@code id@version} picks one),
   * or every framework's latest version when the scope names none.
   *
   * @throws IllegalArgumentException naming an unknown framework
   */
  public List<Framework> frameworks(PackScope scope) {
    List<Framework> out = new ArrayList<>();
    if (scope.frameworks().isEmpty()) {
      new TreeSet<>(catalog.frameworks().stream().map(f -> f.info().id()).toList())
          .forEach(id -> out.add(catalog.findLatestFramework(id).orElseThrow()));
      return out;
    }
    for (String name : scope.frameworks()) {
      int at = name.indexOf('@');
      out.add((at < 0 ? catalog.findLatestFramework(name)
          : catalog.findFramework(name.substring(0, at), name.substring(at + 1)))
          .orElseThrow(() -> new IllegalArgumentException("Unknown framework '" + name + "'")));
    }
    return out;
  }

  /** Writes the pack for {@code scope} to {@code out} (closed when done) and returns what it holds. */
  public EvidencePack build(String id, PackScope scope, OutputStream out, Progress progress) throws IOException {
    List<Framework> frameworks = frameworks(scope);
    List<PackJson.FileEntry> files = new ArrayList<>();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      progress.update(1);
      long expected = Math.max(1, source.countEvents(scope));
      EventSummary.Collector collector = new EventSummary.Collector();
      Entry events = new Entry(zip, EVENTS);
      Writer lines = new BufferedWriter(new OutputStreamWriter(events, StandardCharsets.UTF_8), 1 << 16);
      int[] reported = {1};
      source.events(scope, line -> {
        try {
          lines.write("{\"seq\":" + line.seq() + ",\"prev\":\"" + line.previousHash() + "\",\"hash\":\""
              + line.hash() + "\",\"event\":");
          lines.write(line.payload());
          lines.write("}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        collector.add(line);
        int percent = (int) Math.min(80, 1 + collector.count() * 79 / expected);
        if (percent > reported[0]) {
          reported[0] = percent;
          progress.update(percent);
        }
      });
      lines.flush();
      files.add(events.finish());

      List<IncidentRecord> incidents = source.incidents(scope);
      Map<ControlId, Long> evidence = source.controlEvidence(scope);
      List<IncidentFacts> facts = incidents.stream().map(EvidencePackBuilder::facts).toList();
      List<FrameworkCoverage> coverage = new CoverageEvaluator(catalog).evaluate(frameworks, evidence, facts);
      progress.update(85);
      EvidencePack pack = new EvidencePack(id, scope, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), version,
          frameworks.stream().map(f -> f.info().key()).toList(), collector.summary(), incidents,
          escalations.cases(scope), escalations.available(), coverage, controls(evidence, facts),
          source.verifyLedger());
      progress.update(90);

      write(zip, INCIDENTS, files, o -> PackJson.incidents(pack, o));
      write(zip, ESCALATIONS, files, o -> PackJson.escalations(pack, o));
      write(zip, COVERAGE, files, o -> PackJson.coverage(pack, o));
      write(zip, OSCAL, files, o -> new OscalAssessmentResults(catalog).write(pack, o));
      write(zip, PDF, files, o -> renderer.render(pack, o));
      progress.update(98);
      Entry manifest = new Entry(zip, MANIFEST);
      java.io.ByteArrayOutputStream manifestBytes = new java.io.ByteArrayOutputStream();
      PackJson.manifest(pack, files, key.keyId(), manifestBytes);
      manifest.write(manifestBytes.toByteArray());
      manifest.finish();
      Entry signature = new Entry(zip, SIGNATURE);
      signature.write(key.sign(manifestBytes.toByteArray()).getBytes(StandardCharsets.US_ASCII));
      signature.finish();
      return pack;
    }
  }

  private List<ControlStatus> controls(Map<ControlId, Long> evidence, List<IncidentFacts> incidents) {
    Map<ControlId, TreeSet<Long>> failing = new LinkedHashMap<>();
    for (IncidentFacts incident : incidents) {
      if (incident.active()) {
        catalog.findSignal(incident.signal()).ifPresent(s -> s.controls()
            .forEach(c -> failing.computeIfAbsent(c, k -> new TreeSet<>()).add(incident.id())));
      }
    }
    List<ControlStatus> out = new ArrayList<>();
    for (Control control : catalog.controls()) {
      long events = evidence.getOrDefault(control.id(), 0L);
      List<Long> fails = List.copyOf(failing.getOrDefault(control.id(), new TreeSet<>()));
      CoverageState state = !fails.isEmpty() ? CoverageState.FAILING
          : events > 0 ? CoverageState.EVIDENCED : CoverageState.NOT_EVIDENCED;
      out.add(new ControlStatus(control.id().value(), control.name(), events, fails, state));
    }
    return out;
  }

  private static IncidentFacts facts(IncidentRecord incident) {
    List<EntryRef> refs = new ArrayList<>();
    for (IncidentRecord.MappingRow m : incident.mappings()) {
      try {
        refs.add(EntryRef.of(m.framework(), m.version(), m.entry()));
      } catch (IllegalArgumentException e) {
        // a mapping to an entry id the catalog cannot name is reported, not evaluated
      }
    }
    SignalId signal;
    try {
      signal = SignalId.of(incident.signal());
    } catch (IllegalArgumentException e) {
      signal = SignalId.of("UNKNOWN_SIGNAL");
    }
    return new IncidentFacts(incident.id(), signal, incident.status(), refs);
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static void write(ZipOutputStream zip, String name, List<PackJson.FileEntry> files, Body body)
      throws IOException {
    Entry entry = new Entry(zip, name);
    body.write(entry);
    files.add(entry.finish());
  }

  /** One ZIP entry, hashed and counted as it is written. */
  private static final class Entry extends OutputStream {
    private final ZipOutputStream zip;
    private final String name;
    private final MessageDigest sha = HashChain.sha256();
    private long size;

    Entry(ZipOutputStream zip, String name) throws IOException {
      this.zip = zip;
      this.name = name;
      zip.putNextEntry(new ZipEntry(name));
    }

    @Override
    public void write(int b) throws IOException {
      zip.write(b);
      sha.update((byte) b);
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      zip.write(b, off, len);
      sha.update(b, off, len);
      size += len;
    }

    @Override
    public void close() {
      // a writer closing this stream must not close the entry: finish() does, returning the hash
    }

    PackJson.FileEntry finish() throws IOException {
      zip.closeEntry();
      return new PackJson.FileEntry(name, HexFormat.of().formatHex(sha.digest()), size);
    }
  }
}
