package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.CatalogProblem;
import dev.agenttrail.catalog.api.CatalogValidationException;
import dev.agenttrail.domain.catalog.CustomFrameworkFile;
import dev.agenttrail.webapp.application.CatalogService;
import dev.agenttrail.webapp.application.ConflictException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;

/**
 * The catalog page's upload form: an administrator adds a custom framework file, validated and
 * stored by {@link CatalogService} exactly as an upload over the REST API is.
 */
@Named
@RequestScoped
public class FrameworkUploadBacking {

  static final String ADMIN = "ADMIN";

  @Inject
  CatalogService catalogs;

  @Inject
  SecurityContext security;

  @Inject
  CallerRoles callerRoles;

  @Inject
  CatalogBacking page;

  private UploadedFile file;
  private List<String> problems = List.of();

  /** Whether the signed-in user may upload (the form is shown to administrators only). */
  public boolean isAllowed() {
    return callerRoles.any(ADMIN);
  }

  /** Validates and stores the file; says what was added, or lists every problem of the file. */
  public void upload() {
    Texts texts = Texts.forView();
    if (!isAllowed()) {
      message(FacesMessage.SEVERITY_ERROR, texts.format("upload.forbidden"));
      return;
    }
    if (file == null || file.getSize() <= 0) {
      message(FacesMessage.SEVERITY_ERROR, texts.format("upload.missing"));
      return;
    }
    if (file.getSize() > UploadedFrameworkFile.MAX_BYTES) {
      message(FacesMessage.SEVERITY_ERROR, texts.format("upload.tooLarge", UploadedFrameworkFile.MAX_BYTES));
      return;
    }
    Optional<String> text = UploadedFrameworkFile.text(file.getContent());
    if (text.isEmpty()) {
      message(FacesMessage.SEVERITY_ERROR, texts.format("upload.notUtf8"));
      return;
    }
    store(UploadedFrameworkFile.fileName(file.getFileName()), text.get(), texts);
  }

  private void store(String fileName, String text, Texts texts) {
    try {
      CustomFrameworkFile stored = catalogs.upload(fileName, text, security.getCallerPrincipal().getName());
      page.reload();
      message(FacesMessage.SEVERITY_INFO, texts.format("upload.added", stored.frameworkId(), stored.version()));
    } catch (CatalogValidationException e) {
      problems = e.problems().stream().map(FrameworkUploadBacking::line).toList();
      message(FacesMessage.SEVERITY_ERROR, texts.format("upload.invalid", fileName, problems.size()));
    } catch (ConflictException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  /** One problem as one line: where (file, line:column, JSON pointer) and what is wrong. */
  static String line(CatalogProblem problem) {
    return problem.location() + ": " + problem.message();
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }

  public List<String> getProblems() {
    return problems;
  }
}
