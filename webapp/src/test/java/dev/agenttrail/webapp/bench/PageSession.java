package dev.agenttrail.webapp.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A dashboard session over plain HTTP, as a browser would hold it: a cookie jar, the sign-in form
 * posted like {@code login.xhtml} posts it, full-page GETs and Faces form posts (plain or as
 * PrimeFaces ajax requests). Every answer carries the client-observed time and the server's {@code
 * Server-Timing} figure.
 */
public final class PageSession {

  private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
  private static final Pattern PARTIAL_VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState:0\"><!\\[CDATA\\[([^\\]]*)\\]\\]>");
  private static final Pattern NONCE = Pattern.compile("csp\\.init\\((?:'|&#39;|\\\\x27|\")([A-Za-z0-9+/=_-]+)");
  private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=([0-9]+(?:\\.[0-9]+)?)");

  private final URI app;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  /** An answer: status, body, headers, the server's figure in ms (NaN without the header) and the client's. */
  public record Answer(int status, String body, HttpHeaders headers, double serverMs, double clientMs) {

    /** The Faces view state the page or partial response carries. */
    public String viewState() {
      Matcher m = VIEW_STATE.matcher(body);
      if (m.find()) {
        return m.group(1).replace("&#58;", ":");
      }
      Matcher p = PARTIAL_VIEW_STATE.matcher(body);
      if (p.find()) {
        return p.group(1);
      }
      throw new IllegalStateException("no view state in the answer (" + status + ")");
    }

    /**
     * The script nonce PrimeFaces gave the page (its forms send it back as {@code primefaces.nonce};
     * PrimeFaces refuses ajax requests without it), or null when the answer names none.
     */
    public String nonce() {
      Matcher m = NONCE.matcher(body);
      String last = null;
      while (m.find()) {
        last = m.group(1);
      }
      return last;
    }
  }

  /** @param app the application's root, ending with a slash */
  public PageSession(URI app) {
    this.app = app;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Signs in through the sign-in form; fails unless the overview with the user's name follows. */
  public void signIn(String username, String password) {
    Answer login = get("login.xhtml");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:username", username);
    form.put("login:password", password);
    form.put("login:signIn", "");
    Answer signedIn = post("login.xhtml", login.viewState(), form, false);
    if (signedIn.status() != 200 || !signedIn.body().contains("id=\"userName\"") || !signedIn.body().contains(username)) {
      throw new IllegalStateException("signing in as " + username + " failed: " + signedIn.status());
    }
  }

  /** Takes over the session of another client (a browser), by its {@code JSESSIONID} cookie's value. */
  public PageSession adopt(String sessionId) {
    java.net.HttpCookie cookie = new java.net.HttpCookie("JSESSIONID", sessionId);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(app, cookie);
    return this;
  }

  /** The session cookie, for requests made elsewhere. */
  public String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst()
        .map(c -> "JSESSIONID=" + c.getValue()).orElse(null);
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(app.resolve(path)).GET());
  }

  /**
   * Posts a Faces form with its view state; {@code ajax} makes it a partial request as PrimeFaces
   * sends it, in which case {@code fields} must hold the {@code jakarta.faces.source}, {@code
   * .partial.execute} and {@code .partial.render} parameters.
   */
  public Answer post(String path, String viewState, Map<String, String> fields, boolean ajax) {
    Map<String, String> form = new LinkedHashMap<>();
    if (ajax) {
      form.put("jakarta.faces.partial.ajax", "true");
    }
    form.putAll(fields);
    form.put("jakarta.faces.ViewState", viewState);
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder r = HttpRequest.newBuilder(app.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ajax) {
      r.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
    }
    return send(r);
  }

  private Answer send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
      double client = (System.nanoTime() - start) / 1e6;
      double server = r.headers().firstValue("Server-Timing").map(SERVER_TIMING::matcher).filter(Matcher::find)
          .map(m -> Double.parseDouble(m.group(1))).orElse(Double.NaN);
      return new Answer(r.statusCode(), r.body(), r.headers(), server, client);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
