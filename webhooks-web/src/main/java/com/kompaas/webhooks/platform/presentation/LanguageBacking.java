package com.kompaas.webhooks.platform.presentation;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.application.Application;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's language: the one chosen with the EN / RU switch of the top bar, else the browser's
 * (Accept-Language matched against faces-config's supported locales, else English). The choice is
 * kept for the session and in a cookie, so it is still there after signing out.
 */
@Named("language")
@SessionScoped
public class LanguageBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String COOKIE = "console-lang";
  private static final int COOKIE_AGE = (int) Duration.ofDays(365).toSeconds();

  private Locale chosen;

  /** What {@code <f:view locale>} renders the page in. */
  public Locale getLocale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (chosen == null) {
      chosen = fromCookie(faces).orElse(null);
    }
    return chosen != null ? chosen : faces.getApplication().getViewHandler().calculateLocale(faces);
  }

  /** {@code en}, {@code ru}: the switch marks the current one. */
  public String getCurrent() {
    return getLocale().getLanguage();
  }

  /** The languages of the switch, in faces-config's order. */
  public List<String> getLanguages() {
    List<String> languages = new ArrayList<>();
    for (Locale locale : supported(FacesContext.getCurrentInstance().getApplication())) {
      if (!languages.contains(locale.getLanguage())) {
        languages.add(locale.getLanguage());
      }
    }
    return languages;
  }

  /** The switch: renders the same page again, with its parameters, in {@code language}. */
  public String change(String language) {
    FacesContext faces = FacesContext.getCurrentInstance();
    Optional<Locale> locale = supported(faces, language);
    if (locale.isPresent()) {
      chosen = locale.get();
      faces.getViewRoot().setLocale(chosen);
      remember(faces.getExternalContext(), chosen.getLanguage());
    }
    return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
  }

  private static Optional<Locale> fromCookie(FacesContext faces) {
    Object cookie = faces.getExternalContext().getRequestCookieMap().get(COOKIE);
    return cookie instanceof Cookie c ? supported(faces, c.getValue()) : Optional.empty();
  }

  private static Optional<Locale> supported(FacesContext faces, String language) {
    if (language == null) {
      return Optional.empty();
    }
    return supported(faces.getApplication()).stream()
        .filter(l -> l.getLanguage().equals(language))
        .findFirst();
  }

  private static List<Locale> supported(Application application) {
    List<Locale> locales = new ArrayList<>();
    if (application.getDefaultLocale() != null) {
      locales.add(application.getDefaultLocale());
    }
    for (Iterator<Locale> it = application.getSupportedLocales(); it.hasNext(); ) {
      Locale locale = it.next();
      if (!locales.contains(locale)) {
        locales.add(locale);
      }
    }
    return locales;
  }

  private static void remember(ExternalContext external, String language) {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    Cookie cookie = new Cookie(COOKIE, language);
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setMaxAge(COOKIE_AGE);
    cookie.setHttpOnly(true);
    // like the session cookie: Secure over HTTPS, and always with webhooks.console.secure-cookies
    cookie.setSecure(
        request.isSecure() || request.getServletContext().getSessionCookieConfig().isSecure());
    cookie.setAttribute("SameSite", "Lax");
    ((HttpServletResponse) external.getResponse()).addCookie(cookie);
  }
}
