package dev.agenttrail.webapp.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends a request for the application's root to the overview page. A redirect rather than the
 * welcome-file forward, because the server answers role checks ({@code isCallerInRole}) for the
 * servlet a request was mapped to, and a forwarded root request is mapped to none of the
 * application's.
 */
@WebServlet(name = "HomeRedirect", urlPatterns = "")
public class HomeRedirect extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.sendRedirect(request.getContextPath() + "/index.xhtml");
  }
}
