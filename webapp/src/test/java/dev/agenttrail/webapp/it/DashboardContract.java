package dev.agenttrail.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import dev.agenttrail.webapp.bench.PageSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;

/**
 * The browser dashboard, driven in headless Chromium: signing in and out, the protected pages, the
 * catalog tree and search box, the security headers, and the REST API left to its bearer tokens.
 */
interface DashboardContract extends Deployed {

  String ADMIN = "admin";
  String ADMIN_PASSWORD = "it-admin-password";

  @BrowserTest
  default void shouldSignInAsAdminAndShowTheOverview(TestInfo test) {
    try (Browser b = browser(test)) {
      b.go("", "root");
      b.waitForPath("login.xhtml");
      b.shot("login");
      b.signIn(ADMIN, ADMIN_PASSWORD);

      b.waitForText(By.id("userName"), ADMIN);
      b.shot("overview");
      assertThat(b.path()).as("the root, first asked for, leads to the overview").startsWith("index.xhtml");
      assertThat(b.find(By.id("userRoles")).getText()).isEqualTo("ADMIN");
      assertThat(b.find(By.id("eventCount")).getText()).matches("[0-9,]+");
      assertThat(b.find(By.id("sourceCount")).getText()).matches("[0-9,]+");
      assertThat(b.find(By.id("frameworks")).getText()).contains("NIST-AI-RMF-1.0").contains("CSA-MAESTRO-2025");
      assertThat(b.cspViolations()).isEmpty();
    }
  }

  @BrowserTest
  default void shouldRefuseAWrongPassword(TestInfo test) {
    try (Browser b = browser(test)) {
      b.go("login.xhtml", "login");
      b.signIn(ADMIN, "not-the-password");

      b.waitForText(By.id("login:messages"), "Wrong user name or password.");
      b.shot("refused");
      assertThat(b.path()).startsWith("login.xhtml");
      assertThat(b.pageSource()).doesNotContain("id=\"userName\"");
    }
  }

  @BrowserTest
  default void shouldSendAnUnauthenticatedPageRequestToSignInAndThenOnToThePage(TestInfo test) {
    try (Browser b = browser(test)) {
      b.go("catalog.xhtml?entry=OWASP-ASI-2026%402026%3AASI02", "asked-for-catalog");
      b.waitForPath("login.xhtml");
      b.shot("login");
      b.signIn(ADMIN, ADMIN_PASSWORD);

      b.waitForText(By.id("entryHeading"), "ASI02");
      b.shot("catalog-entry");
      assertThat(b.path()).startsWith("catalog.xhtml");
    }
  }

  @BrowserTest
  default void shouldOpenMeasure24InTheCatalogTreeWithItsOfficialText(TestInfo test) {
    try (Browser b = browser(test)) {
      signedIn(b);
      b.click(By.id("navCatalog"));
      b.find(treeNode("NIST-AI-RMF-1.0"));
      b.shot("catalog");
      assertThat(b.find(By.id("treeForm:tree")).getText()).contains("NIST-AI-RMF-1.0")
          .contains("Artificial Intelligence Risk Management Framework");

      for (String node : List.of("NIST-AI-RMF-1.0", "MEASURE", "MEASURE 2")) {
        b.click(toggler(node));
      }
      b.click(label("MEASURE 2.4"));

      b.waitForText(By.id("entryText"),
          "The functionality and behavior of the AI system and its components – as identified in the MAP function – are monitored when in production.");
      b.shot("measure-2-4");
      assertThat(b.find(By.id("entryRef")).getText()).isEqualTo("NIST-AI-RMF-1.0@1.0:MEASURE 2.4");
      assertThat(b.find(By.id("entryVerification")).getText()).startsWith("VERIFIED");
      assertThat(b.find(By.id("entrySource")).getText()).contains("NIST AI 100-1");
      assertThat(b.find(By.id("signals")).getText()).contains("UNDECLARED_TOOL").contains("product");
      assertThat(b.cspViolations()).isEmpty();
    }
  }

  @BrowserTest
  default void shouldWarnWhenTheSearchMatchedALowConfidenceAlias(TestInfo test) {
    try (Browser b = browser(test)) {
      signedIn(b);
      b.go("catalog.xhtml", "catalog");
      b.type(By.id("searchForm:query"), "CSA MAESTRO IAC-3");
      b.click(By.id("searchForm:lookUp"));

      b.waitForText(By.id("searchForm:outcome"), "low confidence");
      b.shot("alias-warning");
      assertThat(b.find(By.id("searchForm:searchResult")).getAttribute("class")).contains("at-outcome-warn");
      assertThat(b.find(By.id("searchForm:searchMessage")).getAttribute("class")).contains("warn");
      assertThat(b.find(By.id("searchForm:outcome")).getText())
          .contains("not an official identifier").contains("MAESTRO-L4-T3").contains("No such CSA identifier exists");
      assertThat(b.find(By.id("entryRef")).getText()).isEqualTo("CSA-MAESTRO-2025@2025:MAESTRO-L4-T3");
    }
  }

  @BrowserTest
  default void shouldNameTheClosestEntriesForAnUnknownIdentifierAndEscapeWhatWasTyped(TestInfo test) {
    try (Browser b = browser(test)) {
      signedIn(b);
      b.go("catalog.xhtml", "catalog");
      b.type(By.id("searchForm:query"), "ASI11");
      b.click(By.id("searchForm:lookUp"));
      b.waitForText(By.id("searchForm:outcome"), "Nothing in the catalog matches “ASI11”");
      b.shot("unknown");
      assertThat(b.find(By.id("searchForm:outcome")).getText()).contains("ASI01").contains("ASI10");
      b.click(By.partialLinkText("ASI01"));
      b.waitForText(By.id("entryHeading"), "ASI01");
      b.shot("closest-entry");
      assertThat(b.path()).startsWith("catalog.xhtml?entry=");

      b.type(By.id("searchForm:query"), "<b>bold</b><script>alert(1)</script>");
      b.click(By.id("searchForm:lookUp"));
      b.waitForText(By.id("searchForm:outcome"), "<script>alert(1)</script>");
      b.shot("escaped");
      assertThat(b.pageSource()).doesNotContain("<b>bold</b>");
    }
  }

  @BrowserTest
  default void shouldExplainErrorsReadablyWithoutTheirDetails(TestInfo test) {
    try (Browser b = browser(test)) {
      signedIn(b);
      b.go("no-such-page.xhtml", "not-found");
      b.waitForText(By.id("errorTitle"), "Page not found");
      assertThat(b.find(By.id("errorText")).getText()).isEqualTo("There is nothing at this address.");
      assertThat(b.pageSource()).doesNotContain(".java:").doesNotContain("at com.sun.").doesNotContain("Stack");
      assertThat(b.cspViolations()).isEmpty();

      b.go("catalog.xhtml?entry=NOT-A-REF", "unknown-entry");
      b.waitForText(By.id("searchForm:outcome"), "There is no entry NOT-A-REF in the catalog.");
    }
  }

  @BrowserTest
  default void shouldSignOutByPost(TestInfo test) {
    try (Browser b = browser(test)) {
      signedIn(b);
      String before = b.cookie("JSESSIONID");
      b.click(By.id("signOutForm:signOut"));

      b.waitForText(By.id("signedOut"), "You have signed out.");
      b.shot("signed-out");
      assertThat(b.path()).startsWith("login.xhtml");
      b.go("index.xhtml", "after-sign-out");
      b.waitForPath("login.xhtml");
      assertThat(httpGet("index.xhtml", "JSESSIONID=" + before, null).statusCode()).isEqualTo(302);
    }
  }

  @BrowserTest
  default void shouldLeaveTheApiToBearerTokensWhileSignedIn(TestInfo test) throws Exception {
    try (Browser b = browser(test)) {
      signedIn(b);
      String session = "JSESSIONID=" + b.cookie("JSESSIONID");
      b.go("api/v1/events", "api-in-browser");
      assertThat(b.pageSource()).contains("\"status\":401").doesNotContain("login:username");

      HttpResponse<String> cookieOnly = httpGet("api/v1/events", session, null);
      HttpResponse<String> badToken = httpGet("api/v1/events", session, "not-a-token");
      HttpResponse<String> admin = httpGet("api/v1/events?limit=1", session, Api.ADMIN_TOKEN);
      assertThat(cookieOnly.statusCode()).isEqualTo(401);
      assertThat(cookieOnly.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(cookieOnly.body()).contains("\"type\":\"/problems/unauthenticated\"");
      assertThat(badToken.statusCode()).isEqualTo(401);
      assertThat(badToken.body()).contains("The token is unknown or has been revoked.");
      assertThat(admin.statusCode()).isEqualTo(200);
    }
  }

  @Test
  default void shouldSendSecurityHeadersAndAStrictSessionCookie() {
    HttpResponse<String> login = httpGet("login.xhtml", null, null);
    HttpResponse<String> protectedPage = httpGet("catalog.xhtml", null, null);

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().allValues("Content-Security-Policy")).singleElement().satisfies(csp -> assertThat(csp)
        .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
        .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]+'"));
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
        .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    assertThat(login.body()).doesNotContain("jsessionid");
    assertThat(protectedPage.statusCode()).isEqualTo(302);
    assertThat(protectedPage.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("login.xhtml"));
  }

  @BrowserTest
  default void shouldAddACustomFrameworkOnTheCatalogPageAndOpenItsEntries(TestInfo test) {
    String id = CustomFrameworkContract.newFrameworkId();
    try (Browser b = browser(test)) {
      signedIn(b);
      b.click(By.id("navCatalog"));
      b.find(By.id("uploadForm:file")).sendKeys(file(id + ".json", CustomFrameworkContract.acme(id, "1.0")).toString());
      b.shot("file-chosen");
      b.click(By.id("uploadForm:submit"));

      b.waitForText(By.id("uploadForm:messages"), "Framework " + id + " version 1.0 was added to the catalog.");
      b.shot("added");
      assertThat(b.find(By.id("treeForm:tree")).getText()).contains(id).contains("Acme agent policy");
      b.click(toggler(id));
      b.click(toggler("AP-1"));
      b.click(label("AP-1.1"));
      b.waitForText(By.id("entryRef"), id + "@1.0:AP-1.1");
      b.shot("entry");
      assertThat(b.find(By.id("detailPanel")).getText()).contains("ASI02");

      b.type(By.id("searchForm:query"), id + ":AP-1.1");
      b.click(By.id("searchForm:lookUp"));
      b.waitForText(By.id("entryRef"), id + "@1.0:AP-1.1");
      b.shot("looked-up");
      assertThat(b.cspViolations()).isEmpty();
    }
  }

  @BrowserTest
  default void shouldListEveryProblemOfAnInvalidUploadAndStoreNothing(TestInfo test) {
    String id = CustomFrameworkContract.newFrameworkId();
    try (Browser b = browser(test)) {
      signedIn(b);
      b.go("catalog.xhtml", "catalog");
      b.find(By.id("uploadForm:file")).sendKeys(file("broken.json", CustomFrameworkContract.broken(id)).toString());
      b.click(By.id("uploadForm:submit"));

      b.waitForText(By.id("uploadForm:messages"), "broken.json was not added: 3 problems to fix.");
      b.shot("problems");
      assertThat(b.find(By.id("uploadForm:problems")).findElements(By.tagName("li"))).extracting(e -> e.getText())
          .containsExactly(
              "broken.json:6:12 /entries/1/id: duplicate entry id 'B-1' (first defined at /entries/0)",
              "broken.json:7:47 /entries/2/parent: parent 'B-9' is not an entry of this framework",
              "broken.json:10:27 /mappings/0/to: mapping end 'NIST-AI-RMF-1.0:MEASURE 9.9' does not resolve:"
                  + " No entry 'MEASURE 9.9' in NIST-AI-RMF-1.0@1.0; closest: MEASURE 2.9");
      assertThat(b.find(By.id("treeForm:tree")).getText()).doesNotContain(id);
      assertThat(api().get("api/v1/frameworks/" + id, Api.ADMIN_TOKEN).status()).isEqualTo(404);
    }
  }

  @BrowserTest
  default void shouldNotOfferTheUploadToAnAnalyst(TestInfo test) {
    String name = "analyst-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(api().post("api/v1/users", Api.ADMIN_TOKEN, "application/json",
        "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\",\"roles\":[\"ANALYST\"]}").status())
        .isEqualTo(201);
    try (Browser b = browser(test)) {
      b.go("catalog.xhtml", "asked-for-catalog");
      b.signIn(name, "correct horse battery");
      b.find(treeNode("NIST-AI-RMF-1.0"));
      b.shot("catalog");
      assertThat(b.pageSource()).doesNotContain("uploadForm");
    }
  }

  @BrowserTest
  default void shouldShowAnIngestedIncidentAndLetAnAnalystAcknowledgeIt(TestInfo test) {
    String agent = "spiffe://acme.example/agents/ui-" + UUID.randomUUID().toString().substring(0, 8);
    long id = ingestedIncident(agent);
    String analyst = user("ANALYST");
    try (Browser b = browser(test)) {
      b.go("login.xhtml", "login");
      b.signIn(analyst, "correct horse battery");
      b.waitForText(By.id("userName"), analyst);
      b.shot("overview");
      assertThat(b.find(By.id("incidentCount")).getText()).matches("[1-9][0-9,]*");
      assertThat(b.find(By.id("latest")).getText()).contains("UNDECLARED_TOOL").contains(agent);
      assertThat(b.find(By.cssSelector("#trend canvas")).getSize().getHeight()).as("the trend chart is drawn").isGreaterThan(100);

      b.go("incidents.xhtml?status=open&agent=" + java.net.URLEncoder.encode(agent, java.nio.charset.StandardCharsets.UTF_8),
          "incidents");
      assertThat(b.find(By.id("incidentsForm:table")).getText()).contains(agent).contains("'shell.exec'");
      b.click(By.linkText(Long.toString(id)));
      b.waitForText(By.id("heading"), "Incident " + id + ": UNDECLARED_TOOL");
      b.shot("incident");
      assertThat(b.find(By.id("mappings")).getText()).contains("ASI02").contains("MAESTRO-L7-T4").contains("MEASURE 2.4");

      new org.openqa.selenium.support.ui.Select(b.find(By.id("actForm:action"))).selectByValue("acknowledge");
      b.type(By.id("actForm:reason"), "Looking into the shell tool");
      b.click(By.id("actForm:submit"));
      b.waitForText(By.id("status"), "acknowledged");
      b.shot("acknowledged");
      assertThat(b.find(By.id("history")).getText()).contains(analyst).contains("Looking into the shell tool");

      b.click(By.id("evidenceForm:evidence:0:trace"));
      b.waitForText(By.id("traceJson"), "shell.exec");
      b.shot("trace");
      assertThat(b.cspViolations()).isEmpty();
    }
    jakarta.json.JsonObject incident = api().get("api/v1/incidents/" + id, Api.ADMIN_TOKEN).json();
    assertThat(incident.getString("status")).isEqualTo("acknowledged");
    assertThat(incident.getJsonArray("history").getJsonObject(1).getString("actor")).isEqualTo(analyst);
  }

  @BrowserTest
  default void shouldShowAnAuditorIncidentsWithoutActionsAndEscapeAgentIds(TestInfo test) {
    String agent = "spiffe://acme.example/agents/<b>bold</b>-" + UUID.randomUUID().toString().substring(0, 6);
    long id = ingestedIncident(agent);
    String auditor = user("AUDITOR");
    try (Browser b = browser(test)) {
      b.go("incident.xhtml?id=" + id, "asked-for-incident");
      b.signIn(auditor, "correct horse battery");
      b.waitForText(By.id("heading"), "Incident " + id);
      b.shot("incident");
      assertThat(b.find(By.id("agent")).getText()).isEqualTo(agent);
      assertThat(b.pageSource()).doesNotContain("<b>bold</b>").doesNotContain("actForm");
    }
  }

  @BrowserTest
  default void shouldBrowseTheLedgerAndShowOneEventAsStored(TestInfo test) {
    String agent = "spiffe://acme.example/agents/ev-" + UUID.randomUUID().toString().substring(0, 8);
    ingestedIncident(agent);
    try (Browser b = browser(test)) {
      signedIn(b);
      b.go("events.xhtml?agent=" + java.net.URLEncoder.encode(agent, java.nio.charset.StandardCharsets.UTF_8), "events");
      String table = b.find(By.id("eventsForm:table")).getText();
      assertThat(table).contains("tool.invocation").contains("task.started").contains("shell.exec");
      assertThat(b.find(By.id("eventsForm:older")).isEnabled()).as("two events: one page").isFalse();
      b.click(By.id("eventsForm:table:0:show"));
      b.waitForText(By.id("eventJson"), "shell.exec");
      b.shot("event");
      assertThat(b.find(By.id("eventsForm:hash")).getText()).matches("[0-9a-f]{64}");
      assertThat(b.find(By.id("eventJson")).getText()).contains("\"tool\": \"shell.exec\"").contains(agent);

      b.type(By.id("eventsForm:from"), "yesterday");
      b.click(By.id("eventsForm:apply"));
      b.waitForText(By.id("eventsForm:messages"), "'From' must be a date-time");
      assertThat(b.cspViolations()).isEmpty();
    }
  }

  @BrowserTest
  default void shouldGenerateAnEvidencePackOnItsPageAndShowItDone(TestInfo test) {
    String agent = "page-agent-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser b = browser(test)) {
      signedIn(b);
      b.click(By.id("navPacks"));
      b.type(By.id("packsForm:from"), "2026-10-01");
      b.type(By.id("packsForm:to"), "2026-10-07");
      b.type(By.id("packsForm:frameworks"), "OWASP-ASI-2026");
      b.type(By.id("packsForm:agents"), agent);
      b.shot("filled");
      b.click(By.id("packsForm:generate"));
      b.waitForText(By.id("packsForm:messages"), "is being generated");
      b.waitForText(By.xpath("//tr[contains(., '" + agent + "')]"), "done");
      b.shot("done");
      assertThat(b.find(By.xpath("//tr[contains(., '" + agent + "')]")).getText()).contains("2026-10-01T00:00:00Z", "2026-10-08T00:00:00Z");
      assertThat(b.cspViolations()).isEmpty();
    }
  }

  @BrowserTest
  default void shouldLetAnAdministratorRegisterASourceAndCreateAUserButNobodyElse(TestInfo test) {
    String source = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    String newUser = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser b = browser(test)) {
      signedIn(b);
      b.click(By.id("navAdmin"));
      b.waitForPath("admin.xhtml");
      b.type(By.id("adminForm:sourceName"), source);
      b.type(By.id("adminForm:sourceHeartbeat"), "PT5M");
      b.click(By.id("adminForm:register"));
      b.waitForText(By.id("adminForm:messages"), "Registered " + source);
      String issued = b.find(By.id("issuedKey")).getText();
      assertThat(issued).startsWith(source + ": atk_");
      b.shot("registered");
      String key = issued.substring(issued.indexOf(": ") + 2);
      assertThat(api().events(key, "[" + Api.event(Api.uniqueId()) + "]").status()).as("the key shown ingests").isEqualTo(202);

      b.type(By.id("adminForm:username"), newUser);
      b.type(By.id("adminForm:password"), "correct horse battery");
      b.click(By.xpath("//input[@type='checkbox' and @value='APPROVER']"));
      b.click(By.id("adminForm:createUser"));
      b.waitForText(By.id("adminForm:messages"), "Created user " + newUser);
      assertThat(b.find(By.id("users")).getText()).contains(newUser + " (APPROVER)");

      String policy = "ui-" + UUID.randomUUID().toString().substring(0, 8);
      b.type(By.id("adminForm:policyName"), policy);
      b.type(By.id("adminForm:policySources"), source);
      b.type(By.id("adminForm:policyTools"), "payments.*");
      b.type(By.id("adminForm:level2Approvers"), "user:" + newUser);
      b.type(By.id("adminForm:level2Deadline"), "PT1H");
      b.click(By.id("adminForm:savePolicy"));
      b.waitForText(By.id("adminForm:messages"), "Saved escalation policy " + policy);
      assertThat(b.find(By.id("adminForm:policies")).getText()).contains(policy).contains("tools payments.*")
          .contains("role:APPROVER within PT15M; then user:" + newUser + " within PT1H");
      assertThat(api().get("api/v1/escalation-policies/" + policy, Api.ADMIN_TOKEN).status()).isEqualTo(200);
      b.type(By.id("adminForm:level1Deadline"), "soon");
      b.click(By.id("adminForm:savePolicy"));
      b.waitForText(By.id("adminForm:messages"), "must be an ISO 8601 duration");
      b.shot("policies");

      b.type(By.id("adminForm:thresholds:0:value"), "three");
      b.click(By.id("adminForm:saveThresholds"));
      b.waitForText(By.id("adminForm:messages"), "DENY_THEN_OVERRIDE.count must be a whole number");
      b.shot("threshold-refused");
      assertThat(b.cspViolations()).isEmpty();
    }
    try (Browser b = browser(test)) {
      b.go("admin.xhtml", "asked-for-admin");
      b.signIn(newUser, "correct horse battery");
      b.waitForText(By.id("userName"), newUser);
      b.shot("approver-refused");
      assertThat(b.pageSource()).contains("Your role does not allow this page.").doesNotContain("adminForm")
          .doesNotContain("id=\"navAdmin\"");
    }
  }

  @BrowserTest
  default void shouldShowCoverageAsAHeatmapAndOpenTheIncidentsOfAFailingEntry(TestInfo test) {
    String agent = "spiffe://acme.example/agents/cov-" + UUID.randomUUID().toString().substring(0, 8);
    long id = ingestedIncident(agent);
    try (Browser b = browser(test)) {
      signedIn(b);
      assertThat(b.find(By.id("coverage")).getText()).contains("OWASP-ASI-2026@2026").contains("NIST-AI-RMF-1.0@1.0");
      b.click(By.id("navCoverage"));
      b.waitForPath("coverage.xhtml");
      b.shot("coverage");
      By asi02 = By.cssSelector("a[data-entry='OWASP-ASI-2026:ASI02']");
      assertThat(b.find(asi02).getAttribute("class")).contains("at-cell-failing");
      assertThat(b.find(asi02).getAttribute("title")).contains("Failing: incidents").contains(Long.toString(id));
      assertThat(b.find(By.cssSelector("a[data-entry='OWASP-ASI-2026:ASI04']")).getAttribute("class"))
          .as("no runtime control maps to ASI04").contains("at-cell-not-evidenced");
      b.click(asi02);
      b.waitForPath("incidents.xhtml");
      b.shot("failing-entry-incidents");
      assertThat(b.find(By.id("incidentsForm:table")).getText()).contains("UNDECLARED_TOOL");
      assertThat(b.cspViolations()).isEmpty();
    }
  }

  /** Ingests a task that declares crm.lookup and a call of shell.exec; answers the incident's id. */
  private long ingestedIncident(String agent) {
    Api.Source source = api().newSource();
    String json = agent.replace("\"", "\\\"");
    java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String events = "[{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"" + now.minusSeconds(60) + "\",\"type\":\"task.started\","
        + "\"agent\":{\"id\":\"" + json + "\",\"task\":\"T-UI\"},\"declared\":{\"tools\":[\"crm.lookup\"]}},"
        + "{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"" + now + "\",\"type\":\"tool.invocation\","
        + "\"agent\":{\"id\":\"" + json + "\",\"task\":\"T-UI\"},\"action\":{\"tool\":\"shell.exec\"}}]";
    assertThat(api().events(source.key(), events).status()).isEqualTo(202);
    String query = "api/v1/incidents?agent=" + java.net.URLEncoder.encode(agent, java.nio.charset.StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      jakarta.json.JsonArray items = api().get(query, Api.ADMIN_TOKEN).json().getJsonArray("items");
      if (!items.isEmpty()) {
        return items.getJsonObject(0).getJsonNumber("id").longValue();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("no incident for " + agent + " within 60 s");
  }

  private String user(String role) {
    String name = role.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(api().post("api/v1/users", Api.ADMIN_TOKEN, "application/json",
        "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\",\"roles\":[\"" + role + "\"]}").status())
        .isEqualTo(201);
    return name;
  }

  @BrowserTest
  default void shouldLetAnApproverApproveACaseOnTheEscalationsPage(TestInfo test) {
    Api.Source source = api().newSource();
    assertThat(api().post("api/v1/escalation-policies", Api.ADMIN_TOKEN, "application/json", "{\"name\":\"web-"
        + source.name() + "\",\"match\":{\"sources\":[\"" + source.name() + "\"]},"
        + "\"levels\":[{\"approvers\":[\"role:APPROVER\"],\"deadline\":\"PT30M\"}]}").status()).isEqualTo(201);
    Api.Reply receipt = api().events(source.key(), "[{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"2026-11-23T08:15:00Z\","
        + "\"type\":\"approval.requested\",\"agent\":{\"id\":\"spiffe://acme/agents/billing\",\"onBehalfOf\":\"bob\"},"
        + "\"action\":{\"tool\":\"payments.refund\"},\"approval\":{\"id\":\"ap-web\"}}]");
    String caseId = receipt.json().getJsonArray("items").getJsonObject(0).getString("escalation");
    String name = "approver-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(api().post("api/v1/users", Api.ADMIN_TOKEN, "application/json",
        "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\",\"roles\":[\"APPROVER\"]}").status())
        .isEqualTo(201);
    try (Browser b = browser(test)) {
      b.go("escalations.xhtml", "asked-for-escalations");
      b.signIn(name, "correct horse battery");
      By row = By.xpath("//tr[td[contains(., '" + caseId + "')]]");
      b.find(row);
      b.shot("escalations");
      assertThat(b.find(row).getText()).contains("payments.refund").contains("bob").contains("role:APPROVER");

      b.type(By.xpath("//tr[td[contains(., '" + caseId + "')]]//textarea"), "refund matches ticket T-1");
      b.click(By.xpath("//tr[td[contains(., '" + caseId + "')]]//button[contains(@id, 'approve')]"));

      b.waitForText(By.id("decideForm:messages"), "Case " + caseId + " approved.");
      b.shot("approved");
      assertThat(b.find(By.id("decideForm:cases")).getText()).as("a decided case leaves the list").doesNotContain(caseId);
      assertThat(b.cspViolations()).isEmpty();
    }
    jakarta.json.JsonObject decided = api().get("api/v1/escalations/" + caseId, Api.ADMIN_TOKEN).json();
    assertThat(decided.getString("state")).isEqualTo("approved");
    assertThat(decided.getString("decidedBy")).isEqualTo(name);
    assertThat(decided.getString("reason")).isEqualTo("refund matches ticket T-1");
  }

  @BrowserTest
  default void shouldShowAnAuditorTheEscalationsReadOnlyAndRefuseAForgedDecision(TestInfo test) {
    String auditor = user("AUDITOR");
    String approver = user("APPROVER");
    Api.Source source = api().newSource();
    // The policy names the auditor as an approver too: only the rule that deciding needs the
    // APPROVER role stands between the auditor and the case.
    assertThat(api().post("api/v1/escalation-policies", Api.ADMIN_TOKEN, "application/json", "{\"name\":\"audit-"
        + source.name() + "\",\"match\":{\"sources\":[\"" + source.name() + "\"]},"
        + "\"levels\":[{\"approvers\":[\"role:APPROVER\",\"user:" + auditor + "\"],\"deadline\":\"PT30M\"}]}").status())
        .isEqualTo(201);
    Api.Reply receipt = api().events(source.key(), "[{\"id\":\"" + Api.uniqueId() + "\",\"occurredAt\":\"2026-11-23T08:15:00Z\","
        + "\"type\":\"approval.requested\",\"agent\":{\"id\":\"spiffe://acme/agents/billing\",\"onBehalfOf\":\"bob\"},"
        + "\"action\":{\"tool\":\"payments.refund\"},\"approval\":{\"id\":\"ap-audit\"}}]");
    String caseId = receipt.json().getJsonArray("items").getJsonObject(0).getString("escalation");
    By row = By.xpath("//tr[td[contains(., '" + caseId + "')]]");
    try (Browser b = browser(test)) {
      b.go("escalations.xhtml", "asked-for-escalations");
      b.signIn(auditor, "correct horse battery");
      b.find(row);
      b.shot("escalations-read-only");
      assertThat(b.find(row).getText()).contains("payments.refund").contains("Another level's or your own request");
      assertThat(b.find(row).findElements(By.tagName("button"))).as("no approve or reject button").isEmpty();
      assertThat(b.find(row).findElements(By.tagName("textarea"))).as("no reason field").isEmpty();

      // the request the approve button would send, posted in the auditor's session
      PageSession forger = new PageSession(api().app()).adopt(b.cookie("JSESSIONID"));
      PageSession.Answer forged = forger.post("escalations.xhtml", viewState(b.pageSource()),
          approval(b.find(row).getAttribute("data-ri"), nonce(b.pageSource()), "forged by an auditor"), false);
      assertThat(forged.status()).isEqualTo(200);
      assertThat(forged.body()).doesNotContain("Case " + caseId + " approved.");
    }
    jakarta.json.JsonObject after = api().get("api/v1/escalations/" + caseId, Api.ADMIN_TOKEN).json();
    assertThat(after.getString("state")).as("the auditor's forged decision changed nothing").isEqualTo("open");

    // the same request in an approver's session does decide: the forgery above was a real one
    PageSession session = new PageSession(api().app());
    session.signIn(approver, "correct horse battery");
    PageSession.Answer page = session.get("escalations.xhtml");
    java.util.regex.Matcher ri = java.util.regex.Pattern.compile("<tr data-ri=\"([0-9]+)\"(?:(?!</tr>).)*" + caseId,
        java.util.regex.Pattern.DOTALL).matcher(page.body());
    assertThat(ri.find()).isTrue();
    PageSession.Answer approved = session.post("escalations.xhtml", page.viewState(), approval(ri.group(1), page.nonce(),
        "checked the ticket"), false);
    assertThat(approved.body()).contains("Case " + caseId + " approved.");
    jakarta.json.JsonObject decided = api().get("api/v1/escalations/" + caseId, Api.ADMIN_TOKEN).json();
    assertThat(decided.getString("state")).isEqualTo("approved");
    assertThat(decided.getString("decidedBy")).isEqualTo(approver);
  }

  /** The fields the approve button of a row of the escalations table posts. */
  private static java.util.Map<String, String> approval(String row, String nonce, String reason) {
    java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("decideForm", "decideForm");
    form.put("decideForm:cases:" + row + ":reason", reason);
    form.put("decideForm:cases:" + row + ":approve", "");
    if (nonce != null) {
      form.put("primefaces.nonce", nonce);
    }
    return form;
  }

  private static String viewState(String html) {
    return new PageSession.Answer(200, html, null, 0, 0).viewState();
  }

  private static String nonce(String html) {
    return new PageSession.Answer(200, html, null, 0, 0).nonce();
  }

  private Browser browser(TestInfo test) {
    return Browser.open(api().app(), test.getTestMethod().orElseThrow().getName());
  }

  private void signedIn(Browser b) {
    b.go("login.xhtml", "login");
    b.signIn(ADMIN, ADMIN_PASSWORD);
    b.waitForText(By.id("userName"), ADMIN);
    b.shot("overview");
  }

  /** A file for the browser to upload. */
  private static Path file(String name, String content) {
    try {
      Path dir = Files.createTempDirectory("agenttrail-upload-");
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static By treeNode(String id) {
    return By.xpath("//div[contains(@class,'ui-treenode-content')][.//span[@class='at-node-id' and normalize-space(.)='" + id + "']]");
  }

  private static By toggler(String id) {
    return By.xpath("//div[contains(@class,'ui-treenode-content')][.//span[@class='at-node-id' and normalize-space(.)='" + id
        + "']]/span[contains(@class,'ui-tree-toggler')]");
  }

  private static By label(String id) {
    return By.xpath("//div[contains(@class,'ui-treenode-content')]/span[contains(@class,'ui-treenode-label')][span[@class='at-node-id' and normalize-space(.)='"
        + id + "']]");
  }

  private HttpResponse<String> httpGet(String path, String cookie, String token) {
    HttpRequest.Builder r = HttpRequest.newBuilder(api().app().resolve(path)).timeout(Duration.ofSeconds(60)).GET();
    if (cookie != null) {
      r.header("Cookie", cookie);
    }
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    try {
      return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(r.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
