package dev.agenttrail.webapp.application;

import dev.agenttrail.reports.evidence.EscalationFeed;
import dev.agenttrail.reports.evidence.EvidencePack;
import dev.agenttrail.reports.evidence.EvidencePackBuilder;
import dev.agenttrail.reports.evidence.PackScope;
import dev.agenttrail.reports.evidence.PackSigningKey;
import dev.agenttrail.reports.pdf.PdfEvidencePackRenderer;
import dev.agenttrail.webapp.infrastructure.config.Settings;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePacks;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePacks.PackRow;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidenceSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evidence packs: queues a pack, generates it on the managed executor (progress written as it
 * goes), keeps the ZIP under {@code <data dir>/evidence-packs/}, audits downloads, and serves the
 * signing key's public half.
 */
@ApplicationScoped
public class EvidencePackService {

  private static final Logger LOG = Logger.getLogger(EvidencePackService.class.getName());

  @Inject
  JdbcEvidencePacks packs;

  @Inject
  JdbcEvidenceSource source;

  @Inject
  EscalationFeed escalations;

  @Inject
  CatalogService catalogs;

  @Inject
  Clock clock;

  @Resource
  ManagedExecutorService executor;

  private volatile PackSigningKey key;

  /** Checks that every framework a scope names is in the catalog. */
  public void checkFrameworks(List<String> frameworks) {
    try {
      builder().frameworks(new PackScope(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), frameworks, List.of()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("/frameworks", e.getMessage());
    }
  }

  /** Queues a pack and starts generating it; answers the queued row. */
  public PackRow request(PackScope scope, String requestedBy, String scheduleId, Instant expiresAt) {
    // Built here, on the caller's thread: the catalog is read through JPA, whose contextual
    // EntityManager is not usable on the executor's thread when the caller is itself a managed task
    // (the scheduler tick).
    EvidencePackBuilder builder = builder();
    try {
      builder.frameworks(scope);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("/frameworks", e.getMessage());
    }
    String id = UUID.randomUUID().toString();
    packs.insert(id, scope.from(), scope.to(), scope.frameworks(), scope.agents(), scheduleId, requestedBy, clock.instant(),
        expiresAt);
    executor.execute(() -> generate(id, scope, builder));
    return get(id);
  }

  public PackRow get(String id) {
    return packs.find(id).orElseThrow(() -> new NotFoundException("There is no evidence pack '" + id + "'"));
  }

  public List<PackRow> list(String scheduleId) {
    return packs.list(scheduleId, 200);
  }

  /** The ZIP of a finished pack, after recording who downloads it. */
  public Path download(String id, String username) {
    PackRow pack = get(id);
    if (!"done".equals(pack.status()) || pack.filePath() == null || !Files.exists(Path.of(pack.filePath()))) {
      throw new ConflictException("Evidence pack '" + id + "' is " + pack.status() + ", not ready for download");
    }
    packs.recordDownload(id, username, clock.instant());
    return Path.of(pack.filePath());
  }

  public List<JdbcEvidencePacks.Download> downloads(String id) {
    get(id);
    return packs.downloads(id);
  }

  public PackSigningKey signingKey() {
    PackSigningKey k = key;
    if (k == null) {
      try {
        k = PackSigningKey.loadOrCreate(Settings.dataDir().resolve("keys"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read or create the evidence signing key", e);
      }
      key = k;
    }
    return k;
  }

  /** Deletes packs whose retention has ended, file and row; answers how many. */
  public int purgeExpired() {
    int n = 0;
    for (PackRow pack : packs.expired(clock.instant())) {
      try {
        if (pack.filePath() != null) {
          Files.deleteIfExists(Path.of(pack.filePath()));
        }
        packs.delete(pack.id());
        n++;
      } catch (IOException e) {
        LOG.log(Level.WARNING, "could not delete expired evidence pack " + pack.id(), e);
      }
    }
    return n;
  }

  void generate(String id, PackScope scope, EvidencePackBuilder builder) {
    Instant started = clock.instant();
    packs.started(id, started);
    Path dir = Settings.dataDir().resolve("evidence-packs");
    Path part = dir.resolve(id + ".zip.part");
    try {
      Files.createDirectories(dir);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      EvidencePack pack;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
        pack = builder.build(id, scope, out, percent -> packs.progress(id, Math.min(99, percent)));
      }
      Path file = dir.resolve(id + ".zip");
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Instant finished = clock.instant();
      packs.done(id, finished, Duration.between(started, finished).toMillis(), pack.events().count(), Files.size(file),
          HexFormat.of().formatHex(sha.digest()), file.toString());
    } catch (Exception | OutOfMemoryError e) {
      LOG.log(Level.WARNING, "evidence pack " + id + " failed", e);
      try {
        Files.deleteIfExists(part);
      } catch (IOException ignored) {
        // the reason below is what matters
      }
      Instant finished = clock.instant();
      packs.failed(id, finished, Duration.between(started, finished).toMillis(), reason(e));
    }
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private EvidencePackBuilder builder() {
    return new EvidencePackBuilder(catalogs.current().catalog(), source, escalations, new PdfEvidencePackRenderer(),
        signingKey(), clock, version());
  }

  static String version() {
    try (InputStream in = EvidencePackBuilder.class.getResourceAsStream("/META-INF/maven/dev.agenttrail/reports/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through
    }
    return "unknown";
  }
}
