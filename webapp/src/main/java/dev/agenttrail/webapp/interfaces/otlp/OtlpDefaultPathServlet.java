package dev.agenttrail.webapp.interfaces.otlp;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /v1/traces} under the application's context root: where OTLP exporters post when
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is just {@code http://host:8080}. Forwards to
 * {@link OtlpTraceResource}, so authentication, limits and replies are the same.
 */
@WebServlet(urlPatterns = "/v1/traces")
public class OtlpDefaultPathServlet extends HttpServlet {

  static final String TARGET = "/api/v1/ingest/otlp/v1/traces";

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    request.getRequestDispatcher(TARGET).forward(request, response);
  }
}
