package dev.agenttrail.webapp.application;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import dev.agenttrail.catalog.api.CatalogValidationException;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.OscalCatalogExporter;
import dev.agenttrail.catalog.api.UnknownFrameworkException;
import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.catalog.CustomFrameworkStamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The catalog as it stood at one moment: the built-in frameworks plus the custom ones stored at
 * that time, and which is which. Immutable apart from a cache of OSCAL exports; a new upload gives
 * a new snapshot.
 */
public final class CatalogSnapshot {

  private static final Logger LOG = Logger.getLogger(CatalogSnapshot.class.getName());

  private final Catalog catalog;
  private final Map<String, CustomFrameworkFile> uploads;
  private final List<CustomFrameworkFile> unloadable;
  private final CustomFrameworkStamp stamp;
  private final OscalCatalogExporter exporter;
  private final Map<String, String> oscal = new ConcurrentHashMap<>();

  private CatalogSnapshot(
      Catalog catalog,
      Map<String, CustomFrameworkFile> uploads,
      List<CustomFrameworkFile> unloadable,
      CustomFrameworkStamp stamp,
      OscalCatalogExporter exporter) {
    this.catalog = catalog;
    this.uploads = Collections.unmodifiableMap(uploads);
    this.unloadable = List.copyOf(unloadable);
    this.stamp = stamp;
    this.exporter = exporter;
  }

  /**
   * Adds the stored files to the built-in catalog in upload order, so that a file's {@code
   * FRAMEWORK:ENTRY} mapping ends mean what they meant when it was uploaded. A file that no longer
   * loads (the built-in catalog changed under it) is left out and logged; the others still load.
   */
  static CatalogSnapshot load(
      Catalog builtIn, List<CustomFrameworkFile> files, OscalCatalogExporter exporter) {
    Catalog catalog = builtIn;
    Map<String, CustomFrameworkFile> uploads = new LinkedHashMap<>();
    List<CustomFrameworkFile> unloadable = new ArrayList<>();
    for (CustomFrameworkFile file : files) {
      try {
        catalog = CatalogLoader.withCustomFramework(catalog, file.fileName(), file.content());
        uploads.put(file.key(), file);
      } catch (CatalogValidationException e) {
        unloadable.add(file);
        LOG.log(
            Level.SEVERE,
            "Custom framework {0} (uploaded by {1} at {2}) no longer loads and is left out: {3}",
            new Object[] {file.key(), file.uploadedBy(), file.uploadedAt(), e.getMessage()});
      }
    }
    return new CatalogSnapshot(
        catalog, uploads, unloadable, CustomFrameworkStamp.of(files), exporter);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The table's stamp when this snapshot was read. */
  CustomFrameworkStamp stamp() {
    return stamp;
  }

  /** Whether a framework version was uploaded (rather than shipped with the product). */
  public boolean isCustom(Framework framework) {
    return uploads.containsKey(framework.info().key());
  }

  /** The stored file of an uploaded framework version; empty for a built-in one. */
  public Optional<CustomFrameworkFile> upload(Framework framework) {
    return Optional.ofNullable(uploads.get(framework.info().key()));
  }

  /** Stored files that did not load into this snapshot (see {@link #load}). */
  public List<CustomFrameworkFile> unloadable() {
    return unloadable;
  }

  /** Every framework version, or the latest version of each framework, in load order. */
  public List<Framework> frameworks(boolean everyVersion) {
    return catalog.frameworks().stream()
        .filter(f -> everyVersion || isLatest(f))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Every version of one framework, in load order. */
  public List<Framework> versions(String frameworkId) {
    return catalog.frameworks().stream()
        .filter(f -> f.id().equals(frameworkId))
        .collect(Collectors.toUnmodifiableList());
  }

  public boolean isLatest(Framework framework) {
    return catalog.findLatestFramework(framework.id()).filter(framework::equals).isPresent();
  }

  /**
   * A framework version, or its latest version when {@code version} is null.
   *
   * @throws UnknownFrameworkException naming the known framework versions
   */
  public Framework framework(String frameworkId, String version) {
    Optional<Framework> found =
        version == null
            ? catalog.findLatestFramework(frameworkId)
            : catalog.findFramework(frameworkId, version);
    return found.orElseThrow(
        () ->
            new UnknownFrameworkException(
                frameworkId,
                version,
                catalog.frameworks().stream()
                    .map(f -> f.info().key())
                    .collect(Collectors.toList())));
  }

  /**
   * The framework version as an OSCAL 1.1.2 catalog. An uploaded file without {@code
   * lastModified} is stamped with its upload time, so every export of it is the same.
   */
  public String oscal(Framework framework) {
    return oscal.computeIfAbsent(framework.info().key(), key -> export(framework));
  }

  private String export(Framework framework) {
    Optional<CustomFrameworkFile> upload = upload(framework);
    if (upload.isEmpty() || framework.info().lastModified().isPresent()) {
      return exporter.exportAsString(framework);
    }
    Clock uploadTime = Clock.fixed(upload.get().uploadedAt(), ZoneOffset.UTC);
    return new OscalCatalogExporter(uploadTime).exportAsString(framework);
  }
}
