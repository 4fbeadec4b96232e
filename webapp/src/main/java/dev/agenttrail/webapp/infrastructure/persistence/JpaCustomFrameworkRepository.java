package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.domain.catalog.CustomFrameworkRepository;
import dev.agenttrail.domain.catalog.CustomFrameworkStamp;
import dev.agenttrail.domain.catalog.DuplicateFrameworkVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The custom framework files in the {@code custom_framework_file} table. */
@ApplicationScoped
@Transactional
public class JpaCustomFrameworkRepository implements CustomFrameworkRepository {

  /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  @PersistenceContext(unitName = "agenttrail")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CustomFrameworkFile> allInUploadOrder() {
    return em.createNamedQuery("CustomFrameworkFile.inUploadOrder", CustomFrameworkFile.class)
        .getResultList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public CustomFrameworkStamp stamp() {
    // Native: in JPQL, EclipseLink runs MAX(uploadedAt) through the Instant converter and fails.
    Object[] row = (Object[]) em.createNamedQuery("CustomFrameworkFile.stamp").getSingleResult();
    long count = row[0] == null ? 0 : ((Number) row[0]).longValue();
    return new CustomFrameworkStamp(count, instant(row[1]));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean contains(String frameworkId, String version) {
    return em.createNamedQuery("CustomFrameworkFile.countForKey", Long.class)
            .setParameter("frameworkId", frameworkId)
            .setParameter("version", version)
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(CustomFrameworkFile file) {
    if (contains(file.frameworkId(), file.version())) {
      throw new DuplicateFrameworkVersionException(file.frameworkId(), file.version());
    }
    try {
      em.persist(file);
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) { // another instance stored the same version a moment earlier
        throw new DuplicateFrameworkVersionException(file.frameworkId(), file.version());
      }
      throw e;
    }
  }

  /** The {@code MAX(uploaded_at)} of the native query, in whichever type the driver gives it. */
  static Optional<Instant> instant(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Instant i) {
      return Optional.of(i);
    }
    if (value instanceof LocalDateTime t) {
      return Optional.of(t.toInstant(ZoneOffset.UTC));
    }
    if (value instanceof Timestamp t) {
      return Optional.of(t.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
    if (value instanceof OffsetDateTime t) {
      return Optional.of(t.toInstant());
    }
    throw new IllegalStateException("unexpected upload time type " + value.getClass().getName());
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
