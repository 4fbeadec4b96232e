package dev.agenttrail.webapp.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;

/**
 * {@code error.xhtml}: picks a readable explanation for the error being shown. The exception itself
 * is logged by the server and never shown.
 */
@Named
@RequestScoped
public class ErrorBacking {

  private String reason;

  @PostConstruct
  void read() {
    Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
    Object status = request.get(RequestDispatcher.ERROR_STATUS_CODE);
    Object exception = request.get(RequestDispatcher.ERROR_EXCEPTION);
    reason = reason(status instanceof Integer code ? code : 500, exception instanceof Throwable t ? t : null);
  }

  static String reason(int status, Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return "expired";
      }
    }
    return switch (status) {
      case 400, 405 -> "badRequest";
      case 403 -> "forbidden";
      case 404 -> "notFound";
      default -> "failed";
    };
  }

  /** The key suffix of the explanation in {@code texts.properties}: {@code error.<reason>.title}. */
  public String getReason() {
    return reason;
  }
}
