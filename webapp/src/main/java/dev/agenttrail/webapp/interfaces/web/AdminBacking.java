package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.domain.access.EnforcementMode;
import dev.agenttrail.domain.access.IngestKey;
import dev.agenttrail.domain.access.Role;
import dev.agenttrail.domain.access.Source;
import dev.agenttrail.domain.access.User;
import dev.agenttrail.domain.signal.Classification;
import dev.agenttrail.domain.signal.Thresholds;
import dev.agenttrail.webapp.application.ConflictException;
import dev.agenttrail.webapp.application.InvalidRequestException;
import dev.agenttrail.webapp.application.NotFoundException;
import dev.agenttrail.webapp.application.SourceService;
import dev.agenttrail.webapp.application.UserService;
import dev.agenttrail.webapp.infrastructure.detection.SignalSettings;
import dev.agenttrail.webapp.infrastructure.detection.WorkflowDeclarations;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code admin.xhtml} (ADMIN only, by {@code web.xml} and again in every action): enforcement points
 * and their ingest keys, users, workflow declarations and signal thresholds (escalation policies:
 * {@link EscalationPolicyAdminBacking}). A new key is shown once.
 */
@Named
@ViewScoped
public class AdminBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  SourceService sources;

  @Inject
  UserService users;

  @Inject
  WorkflowDeclarations workflows;

  @Inject
  SignalSettings settings;

  @Inject
  SecurityContext security;

  @Inject
  CallerRoles callerRoles;

  @Inject
  Clock clock;

  /** A source as the table shows it. */
  public record SourceRow(String name, String mode, String heartbeat, List<String> activeKeys) implements Serializable {}

  private List<SourceRow> sourceRows = List.of();
  private List<String> userRows = List.of();
  private List<WorkflowDeclarations.Workflow> workflowRows = List.of();
  private List<ThresholdRow> thresholds = List.of();
  private String issuedKey;

  private String sourceName;
  private String sourceMode = "enforce";
  private String sourceHeartbeat = "PT15M";
  private String username;
  private String password;
  private List<String> roles = new ArrayList<>();
  private String wfAgent;
  private String wfName;
  private String wfTools;
  private String wfScopes;
  private String wfMax;
  private boolean wfStateChanging;

  /** The view action. */
  public void load() {
    if (!admin()) {
      return;
    }
    sourceRows = sources.all().stream().map(s -> new SourceRow(s.name(), s.mode().name().toLowerCase(Locale.ROOT),
        s.heartbeat() == null ? "" : s.heartbeat().toString(),
        sources.keys(s.name()).stream().filter(IngestKey::active).map(IngestKey::id).toList())).toList();
    userRows = users.all().stream().map(u -> u.username() + " (" + String.join(", ", u.roles().stream().map(Role::name).sorted().toList())
        + ")").toList();
    workflowRows = workflows.find(null);
    Map<String, String> defaults = Thresholds.DEFAULTS.byName();
    thresholds = settings.current().byName().entrySet().stream()
        .map(e -> new ThresholdRow(e.getKey(), e.getValue(), defaults.get(e.getKey()))).toList();
  }

  boolean admin() {
    if (callerRoles.any("ADMIN")) {
      return true;
    }
    error(Texts.forView().format("admin.forbidden"));
    return false;
  }

  public void registerSource() {
    if (!admin()) {
      return;
    }
    issuedKey = null;
    if (sourceName == null || !Source.NAME.matcher(sourceName.trim()).matches()) {
      error(Texts.forView().format("admin.source.name"));
      return;
    }
    Duration heartbeat;
    try {
      heartbeat = Duration.parse(sourceHeartbeat.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      error(Texts.forView().format("admin.source.heartbeat"));
      return;
    }
    try {
      SourceService.IssuedKey key = sources.register(sourceName.trim(), EnforcementMode.valueOf(sourceMode.toUpperCase(Locale.ROOT)),
          heartbeat);
      issuedKey = key.source() + ": " + key.ingestKey();
      info(Texts.forView().format("admin.source.registered", key.source()));
      sourceName = null;
    } catch (ConflictException | InvalidRequestException e) {
      error(e.getMessage());
    }
    load();
  }

  public void rotate(String source) {
    if (!admin()) {
      return;
    }
    SourceService.IssuedKey key = sources.rotate(source);
    issuedKey = key.source() + ": " + key.ingestKey();
    info(Texts.forView().format("admin.source.rotated", source));
    load();
  }

  public void revoke(String source, String keyId) {
    if (!admin()) {
      return;
    }
    try {
      sources.revoke(source, keyId);
      issuedKey = null;
      info(Texts.forView().format("admin.source.revoked", keyId, source));
    } catch (NotFoundException | ConflictException e) {
      error(e.getMessage());
    }
    load();
  }

  public void createUser() {
    if (!admin()) {
      return;
    }
    if (username == null || !User.USERNAME.matcher(username.trim()).matches()) {
      error(Texts.forView().format("admin.user.name"));
      return;
    }
    if (roles.isEmpty()) {
      error(Texts.forView().format("admin.user.roles"));
      return;
    }
    Set<Role> chosen = EnumSet.noneOf(Role.class);
    roles.forEach(r -> chosen.add(Role.valueOf(r)));
    try {
      users.create(username.trim(), password, chosen);
      info(Texts.forView().format("admin.user.created", username.trim()));
      username = null;
      password = null;
      roles = new ArrayList<>();
    } catch (ConflictException | InvalidRequestException e) {
      error(e.getMessage());
    }
    load();
  }

  public void saveWorkflow() {
    if (!admin()) {
      return;
    }
    if (wfAgent == null || wfAgent.isBlank() || wfName == null || wfName.isBlank()) {
      error(Texts.forView().format("admin.workflow.required"));
      return;
    }
    workflows.save(new WorkflowDeclarations.Workflow(wfAgent.trim(), wfName.trim(), names(wfTools), names(wfScopes),
        wfMax == null || wfMax.isBlank() ? null : Classification.of(wfMax), wfStateChanging, clock.instant(),
        security.getCallerPrincipal().getName()));
    info(Texts.forView().format("admin.workflow.saved", wfName.trim()));
    load();
  }

  public void deleteWorkflow(String agent, String workflow) {
    if (!admin()) {
      return;
    }
    workflows.delete(agent, workflow);
    info(Texts.forView().format("admin.workflow.deleted", workflow));
    load();
  }

  public void saveThresholds() {
    if (!admin()) {
      return;
    }
    Map<String, String> current = settings.current().byName();
    Map<String, String> changes = new LinkedHashMap<>();
    for (ThresholdRow row : thresholds) {
      if (row.getValue() != null && !row.getValue().trim().equals(current.get(row.getName()))) {
        changes.put(row.getName(), row.getValue().trim());
      }
    }
    try {
      if (!changes.isEmpty()) {
        settings.change(changes, security.getCallerPrincipal().getName(), clock.instant());
      }
      info(Texts.forView().format("admin.thresholds.saved", changes.size()));
      load();
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
  }

  static Set<String> names(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text != null) {
      Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

  static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public List<String> getAllRoles() {
    return Arrays.stream(Role.values()).map(Role::name).filter(r -> !r.equals("INGEST")).toList();
  }

  public List<String> getClassifications() {
    return Arrays.stream(Classification.values()).map(Classification::wireName).toList();
  }

  public List<SourceRow> getSourceRows() {
    return sourceRows;
  }

  public List<String> getUserRows() {
    return userRows;
  }

  public List<WorkflowDeclarations.Workflow> getWorkflowRows() {
    return workflowRows;
  }

  public List<ThresholdRow> getThresholds() {
    return thresholds;
  }

  public String getIssuedKey() {
    return issuedKey;
  }

  public String getSourceName() {
    return sourceName;
  }

  public void setSourceName(String sourceName) {
    this.sourceName = sourceName;
  }

  public String getSourceMode() {
    return sourceMode;
  }

  public void setSourceMode(String sourceMode) {
    this.sourceMode = sourceMode;
  }

  public String getSourceHeartbeat() {
    return sourceHeartbeat;
  }

  public void setSourceHeartbeat(String sourceHeartbeat) {
    this.sourceHeartbeat = sourceHeartbeat;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public String getWfAgent() {
    return wfAgent;
  }

  public void setWfAgent(String wfAgent) {
    this.wfAgent = wfAgent;
  }

  public String getWfName() {
    return wfName;
  }

  public void setWfName(String wfName) {
    this.wfName = wfName;
  }

  public String getWfTools() {
    return wfTools;
  }

  public void setWfTools(String wfTools) {
    this.wfTools = wfTools;
  }

  public String getWfScopes() {
    return wfScopes;
  }

  public void setWfScopes(String wfScopes) {
    this.wfScopes = wfScopes;
  }

  public String getWfMax() {
    return wfMax;
  }

  public void setWfMax(String wfMax) {
    this.wfMax = wfMax;
  }

  public boolean isWfStateChanging() {
    return wfStateChanging;
  }

  public void setWfStateChanging(boolean wfStateChanging) {
    this.wfStateChanging = wfStateChanging;
  }
}
