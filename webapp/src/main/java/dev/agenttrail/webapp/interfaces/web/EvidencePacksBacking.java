package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.reports.evidence.PackScope;
import dev.agenttrail.webapp.application.ConflictException;
import dev.agenttrail.webapp.application.EvidencePackSchedules;
import dev.agenttrail.webapp.application.EvidencePackService;
import dev.agenttrail.webapp.application.InvalidRequestException;
import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePackSchedules.ScheduleRow;
import dev.agenttrail.webapp.infrastructure.persistence.JdbcEvidencePacks.PackRow;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The evidence-packs page: generate a pack for a period (UTC days), frameworks and agents, watch
 * its progress, download finished packs (audited, like the REST download), and manage schedules.
 */
@Named
@ViewScoped
public class EvidencePacksBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  transient EvidencePackService packs;

  @Inject
  transient EvidencePackSchedules schedules;

  @Inject
  transient SecurityContext security;

  @Inject
  CallerRoles callerRoles;

  private String from = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();
  private String to = LocalDate.now(ZoneOffset.UTC).toString();
  private String frameworks = "";
  private String agents = "";
  private String scheduleName = "";
  private String scheduleCron = "0 6 * * MON";
  private String scheduleLookback = "P7D";
  private int scheduleRetention = 90;
  private List<PackRow> rows = List.of();
  private List<ScheduleRow> scheduleRows = List.of();
  private boolean running;

  /** Loads the packs and schedules (the view action, and every poll). */
  public void refresh() {
    if (!callerRoles.any("ADMIN", "ANALYST", "AUDITOR")) {
      return; // approvers do not see evidence packs
    }
    rows = packs.list(null);
    scheduleRows = schedules.list();
    running = rows.stream().anyMatch(p -> p.status().equals("queued") || p.status().equals("running"));
  }

  public boolean isMayGenerate() {
    return callerRoles.any("ADMIN", "ANALYST");
  }

  public void generate() {
    if (!isMayGenerate()) {
      message(FacesMessage.SEVERITY_ERROR, "Only administrators and analysts generate evidence packs.");
      return;
    }
    try {
      LocalDate start = LocalDate.parse(from.trim());
      LocalDate end = LocalDate.parse(to.trim());
      if (end.isBefore(start)) {
        message(FacesMessage.SEVERITY_ERROR, "The last day must not be before the first day.");
        return;
      }
      PackScope scope = new PackScope(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
          end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), list(frameworks), list(agents));
      PackRow row = packs.request(scope, security.getCallerPrincipal().getName(), null, null);
      message(FacesMessage.SEVERITY_INFO, "Evidence pack " + row.id() + " is being generated.");
    } catch (DateTimeParseException e) {
      message(FacesMessage.SEVERITY_ERROR, "Days are written 2026-11-16.");
    } catch (InvalidRequestException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    refresh();
  }

  /** The ZIP of a finished pack; the download is recorded like a REST download. */
  public StreamedContent download(String id) {
    Path file = packs.download(id, security.getCallerPrincipal().getName());
    return DefaultStreamedContent.builder().name("evidence-pack-" + id + ".zip").contentType("application/zip")
        .stream(() -> {
          try {
            return Files.newInputStream(file);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).build();
  }

  public void createSchedule() {
    try {
      schedules.create(new EvidencePackSchedules.Settings(scheduleName, scheduleCron, scheduleLookback, list(frameworks),
          list(agents), scheduleRetention, false), security.getCallerPrincipal().getName());
      message(FacesMessage.SEVERITY_INFO, "Schedule " + scheduleName + " created.");
    } catch (InvalidRequestException e) {
      message(FacesMessage.SEVERITY_ERROR, e.pointer() + ": " + e.getMessage());
    }
    refresh();
  }

  public void togglePause(String id) {
    try {
      ScheduleRow s = schedules.get(id);
      schedules.replace(id, new EvidencePackSchedules.Settings(s.name(), s.cron(), s.lookback(), s.frameworks(), s.agents(),
          s.retentionDays(), !s.paused()));
    } catch (NotFoundException | ConflictException | InvalidRequestException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    refresh();
  }

  public void deleteSchedule(String id) {
    try {
      schedules.delete(id);
    } catch (NotFoundException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    refresh();
  }

  private static List<String> list(String text) {
    return text == null || text.isBlank() ? List.of()
        : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public List<PackRow> getRows() {
    return rows;
  }

  public List<ScheduleRow> getScheduleRows() {
    return scheduleRows;
  }

  public boolean isRunning() {
    return running;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getFrameworks() {
    return frameworks;
  }

  public void setFrameworks(String frameworks) {
    this.frameworks = frameworks;
  }

  public String getAgents() {
    return agents;
  }

  public void setAgents(String agents) {
    this.agents = agents;
  }

  public String getScheduleName() {
    return scheduleName;
  }

  public void setScheduleName(String scheduleName) {
    this.scheduleName = scheduleName;
  }

  public String getScheduleCron() {
    return scheduleCron;
  }

  public void setScheduleCron(String scheduleCron) {
    this.scheduleCron = scheduleCron;
  }

  public String getScheduleLookback() {
    return scheduleLookback;
  }

  public void setScheduleLookback(String scheduleLookback) {
    this.scheduleLookback = scheduleLookback;
  }

  public int getScheduleRetention() {
    return scheduleRetention;
  }

  public void setScheduleRetention(int scheduleRetention) {
    this.scheduleRetention = scheduleRetention;
  }
}
