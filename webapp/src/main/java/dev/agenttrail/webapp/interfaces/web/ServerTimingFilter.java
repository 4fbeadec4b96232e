package dev.agenttrail.webapp.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} (W3C Server Timing) to every response of this
 * application: pages, REST answers, resources. Browsers show it in their developer tools, and the
 * page benchmark reads it. It is the time from this filter's entry (the first in the chain, mapped
 * first in {@code web.xml}) to the end of the chain, as long as the response is still uncommitted
 * then, which is the case for every page (Facelets buffers up to {@code FACELETS_BUFFER_SIZE}) and
 * every REST answer that fits the container's buffer. An answer that starts to go out earlier
 * (redirects, errors, explicit flushes, bodies that fill the buffer or reach their declared length)
 * carries the time until just before that moment, since a header cannot follow the body.
 *
 * <p>Cheap on purpose: one {@link System#nanoTime()} per request, a counter per write, no logging.
 */
public class ServerTimingFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String HEADER = "Server-Timing";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Timed timed = new Timed(response, System.nanoTime());
    try {
      chain.doFilter(request, timed);
    } finally {
      if (!response.isCommitted()) {
        timed.stamp();
      }
    }
  }

  /** The header's value for a duration in nanoseconds: milliseconds with one decimal. */
  static String value(long nanos) {
    long tenths = Math.max(0, nanos) / 100_000;
    return "app;dur=" + tenths / 10 + "." + tenths % 10;
  }

  /**
   * Stamps the header just before anything that may commit the response: a redirect or error, a
   * flush or close, and a write that may fill the buffer or reach the declared content length.
   */
  static final class Timed extends HttpServletResponseWrapper {

    private final long started;
    private long written;
    private long nextStamp;
    private long contentLength = -1;
    private ServletOutputStream stream;
    private PrintWriter writer;

    Timed(HttpServletResponse response, long started) {
      super(response);
      this.started = started;
    }

    void stamp() {
      HttpServletResponse r = (HttpServletResponse) getResponse();
      if (!r.isCommitted()) {
        r.setHeader(HEADER, value(System.nanoTime() - started));
      }
    }

    /**
     * Before writing {@code bytes} more (at most): stamps when they may fill the buffer or end the
     * body, and again every 8 KiB after that while the response is not committed.
     */
    void beforeWrite(long bytes) {
      written += bytes;
      long limit = contentLength >= 0 ? Math.min(contentLength, getBufferSize()) : getBufferSize();
      if (written >= limit && written >= nextStamp) {
        stamp();
        nextStamp = written + 8192;
      }
    }

    @Override
    public void setContentLength(int len) {
      contentLength = len;
      super.setContentLength(len);
    }

    @Override
    public void setContentLengthLong(long len) {
      contentLength = len;
      super.setContentLengthLong(len);
    }

    @Override
    public void setHeader(String name, String value) {
      lengthHeader(name, value);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      lengthHeader(name, value);
      super.addHeader(name, value);
    }

    private void lengthHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        try {
          contentLength = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
          contentLength = -1;
        }
      }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      stamp();
      super.sendRedirect(location);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      stamp();
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      stamp();
      super.sendError(sc);
    }

    @Override
    public void flushBuffer() throws IOException {
      stamp();
      super.flushBuffer();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        stream = new TimedStream(super.getOutputStream(), this);
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer = new PrintWriter(new TimedWriter(super.getWriter(), this), false);
      }
      return writer;
    }
  }

  private static final class TimedStream extends ServletOutputStream {
    private final ServletOutputStream out;
    private final Timed timed;

    TimedStream(ServletOutputStream out, Timed timed) {
      this.out = out;
      this.timed = timed;
    }

    @Override
    public void write(int b) throws IOException {
      timed.beforeWrite(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      timed.beforeWrite(len);
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      timed.stamp();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      timed.stamp();
      out.close();
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }

  /** Counts three bytes a character, the most UTF-8 needs for one UTF-16 unit, so it stamps early rather than late. */
  private static final class TimedWriter extends Writer {
    private final PrintWriter out;
    private final Timed timed;

    TimedWriter(PrintWriter out, Timed timed) {
      this.out = out;
      this.timed = timed;
    }

    @Override
    public void write(int c) {
      timed.beforeWrite(3);
      out.write(c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      timed.beforeWrite(3L * len);
      out.write(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      timed.beforeWrite(3L * len);
      out.write(str, off, len);
    }

    @Override
    public void flush() {
      timed.stamp();
      out.flush();
    }

    @Override
    public void close() {
      timed.stamp();
      out.close();
    }
  }
}
