package com.kompaas.webhooks.account.presentation;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. PrimeFaces writes inline scripts and evaluates Ajax
 * callbacks, so scripts keep {@code 'unsafe-inline' 'unsafe-eval'}, but only from our own origin;
 * framing is refused outright (clickjacking), and nothing may be loaded or posted elsewhere.
 */
// every dispatch: error pages and forwards are answers too
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {
      DispatcherType.REQUEST,
      DispatcherType.FORWARD,
      DispatcherType.INCLUDE,
      DispatcherType.ERROR,
      DispatcherType.ASYNC
    })
public class SecurityHeaders extends HttpFilter {

  static final String CSP =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response);
    chain.doFilter(request, response);
  }

  /**
   * Also called before the container's own answers, which no filter sees (the sign-in redirect).
   */
  static void apply(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return;
    }
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
      // pages and API answers carry tenant data: keep them out of shared caches and the back button
      response.setHeader("Cache-Control", "no-store");
    }
  }
}
