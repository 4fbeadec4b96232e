package dev.agenttrail.webapp.application;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.catalog.api.CatalogProblem;
import dev.agenttrail.catalog.api.CatalogValidationException;
import dev.agenttrail.catalog.api.CatalogValidator;
import dev.agenttrail.catalog.api.OscalCatalogExporter;
import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.catalog.CustomFrameworkRepository;
import dev.agenttrail.domain.catalog.CustomFrameworkStamp;
import dev.agenttrail.domain.catalog.DuplicateFrameworkVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The framework catalog of this installation: the built-in catalog, loaded once, plus the custom
 * frameworks users uploaded, which live in the database so that every instance of a cluster sees
 * them and they survive restarts. Each read asks the database for the custom table's stamp (row
 * count and latest upload time, one small aggregate query) and reloads the custom files only when
 * it changed. Uploads add a framework version and never change one.
 */
@ApplicationScoped
public class CatalogService {

  private static final Logger LOG = Logger.getLogger(CatalogService.class.getName());

  private final Object reloadLock = new Object();
  private CustomFrameworkRepository repository;
  private Clock clock;
  private Catalog builtIn;
  private OscalCatalogExporter exporter;
  private volatile CatalogSnapshot snapshot;

  /** For the CDI proxy only. */
  protected CatalogService() {}

  @Inject
  public CatalogService(CustomFrameworkRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
    this.builtIn = CatalogLoader.loadBuiltIn();
    this.exporter = new OscalCatalogExporter(clock);
  }

  /** The catalog as the database has it now (built-in and every custom framework). */
  public CatalogSnapshot current() {
    CatalogSnapshot known = snapshot;
    if (known != null && known.stamp().equals(repository.stamp())) {
      return known;
    }
    return reload();
  }

  /**
   * Validates a framework file against the current catalog and stores it as a new custom framework
   * version; nothing is stored when anything is wrong.
   *
   * @param fileName how problems name the file
   * @throws ConflictException if the framework version exists already (built in or uploaded, also
   *     by another instance a moment earlier), or the id is a built-in framework's
   * @throws CatalogValidationException with every problem of the file
   */
  public CustomFrameworkFile upload(String fileName, String content, String uploadedBy) {
    CatalogSnapshot current = current();
    Optional<FrameworkFileHeader> header = FrameworkFileHeader.read(content);
    header.ifPresent(h -> refuseTaken(current, h));
    List<CatalogProblem> problems = CatalogValidator.validate(current.catalog(), fileName, content);
    if (!problems.isEmpty()) {
      throw new CatalogValidationException(problems);
    }
    FrameworkFileHeader valid =
        header.orElseThrow(() -> new IllegalStateException("a valid file has a framework header"));
    CustomFrameworkFile file =
        CustomFrameworkFile.upload(
            valid.frameworkId(), valid.version(), fileName, content, uploadedBy, clock.instant());
    try {
      repository.add(file);
    } catch (DuplicateFrameworkVersionException e) {
      throw new ConflictException(e.getMessage());
    }
    reload();
    return file;
  }

  private void refuseTaken(CatalogSnapshot current, FrameworkFileHeader header) {
    if (builtIn.findLatestFramework(header.frameworkId()).isPresent()) {
      throw new ConflictException(
          "'"
              + header.frameworkId()
              + "' is a built-in framework; new versions of it ship with AgentTrail."
              + " Give a custom framework an id of its own");
    }
    if (current.catalog().findFramework(header.frameworkId(), header.version()).isPresent()) {
      throw new ConflictException(
          new DuplicateFrameworkVersionException(header.frameworkId(), header.version())
              .getMessage());
    }
  }

  /** Reads the custom files again unless another thread just did. */
  private CatalogSnapshot reload() {
    synchronized (reloadLock) {
      CustomFrameworkStamp stamp = repository.stamp();
      CatalogSnapshot known = snapshot;
      if (known != null && known.stamp().equals(stamp)) {
        return known;
      }
      CatalogSnapshot fresh =
          CatalogSnapshot.load(builtIn, repository.allInUploadOrder(), exporter);
      snapshot = fresh;
      LOG.info(() -> "Framework catalog loaded with " + fresh.stamp().count() + " custom file(s)");
      return fresh;
    }
  }
}
