package com.kompaas.webhooks.account.presentation;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the console's cookies {@code Secure} when {@code webhooks.console.secure-cookies} is true:
 * set it whenever users reach the console over HTTPS, also (above all) behind a proxy that ends
 * TLS, where the application itself only sees plain HTTP and could not tell. A request's {@code
 * X-Forwarded-Proto} is not consulted: the session cookie's attributes are fixed when the
 * application starts, and a fixed setting cannot be talked out of it by a header.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  public static final String SECURE_COOKIES = "webhooks.console.secure-cookies";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean secure =
        ConfigProvider.getConfig().getOptionalValue(SECURE_COOKIES, Boolean.class).orElse(false);
    if (secure) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }
}
