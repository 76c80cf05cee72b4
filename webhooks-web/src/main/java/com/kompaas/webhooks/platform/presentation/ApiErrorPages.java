package com.kompaas.webhooks.platform.presentation;

import com.kompaas.webhooks.platform.control.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the servlet container's error pages away from {@code /api/}: there every error is the API's
 * JSON, also where JAX-RS never sees the request ({@code /api/nothing}, outside {@code /api/v1}) or
 * answers with a bare status. An error the container would show as its HTML page (web.xml's
 * error-page, or Payara's own) is written here in the one shape instead, and a failure thrown
 * through the filter chain becomes a {@code 500} with an error id, logged once.
 */
@WebFilter(filterName = "api-error-pages", urlPatterns = "/api/*", asyncSupported = true)
public class ApiErrorPages extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(ApiErrorPages.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, new JsonErrors(response));
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      String id = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "REST call failed, error id " + id, e);
      write(
          response,
          HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          "request",
          "internal error " + id);
    }
  }

  /** The field a bare status is about, as {@link ApiExceptionMapper} names it. */
  private static String field(int status) {
    return switch (status) {
      case 401, 403 -> HttpHeaders.AUTHORIZATION;
      case 404 -> "path";
      case 405 -> "method";
      case 406 -> HttpHeaders.ACCEPT;
      case 413 -> "body";
      case 415 -> HttpHeaders.CONTENT_TYPE;
      default -> status >= 500 ? "request" : "body";
    };
  }

  private static String message(int status) {
    return switch (status) {
      case 404 -> "no such resource in the API; see /openapi";
      case 405 -> "this method is not allowed here";
      default -> "refused (HTTP " + status + ")";
    };
  }

  static void write(HttpServletResponse response, int status, String field, String message)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String body = ApiExceptionMapper.body(List.of(new FieldError(field, message)));
    response.setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
    try {
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalStateException writerInUse) {
      response.getWriter().write(body);
    }
    response.flushBuffer();
  }

  /** A response whose {@code sendError} writes the one shape instead of an error page. */
  private static final class JsonErrors extends HttpServletResponseWrapper {

    JsonErrors(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String ignored) throws IOException {
      // the container's reason may name its internals; the client gets the status's own words
      write((HttpServletResponse) getResponse(), status, field(status), message(status));
    }
  }
}
