package com.kompaas.webhooks.platform.presentation;

import com.kompaas.webhooks.platform.control.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The console's texts in the language of the view being rendered, from {@code
 * i18n/console*.properties} (the bundle pages know as {@code #{msg}}). Backing beans add their
 * messages through here; pages call {@code #{text.format('key', arg)}} for a text with arguments.
 *
 * <p>A text with arguments goes through {@link MessageFormat}; one without is returned as written,
 * so the bundle's plain texts need no quote escaping.
 */
@Named("text")
@ApplicationScoped
public class ConsoleText {

  public static final String BUNDLE = "i18n.console";

  /** No fall-back to the JVM's default locale: a missing language means English, the base file. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** For pages: {@code #{text.format('webhook.saved', title)}}. */
  public String format(String key, Object arg) {
    return get(key, arg);
  }

  public String format(String key, Object first, Object second) {
    return get(key, first, second);
  }

  public String format(String key, Object first, Object second, Object third) {
    return get(key, first, second, third);
  }

  /** The view's locale, or English outside a Faces request. */
  public static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    UIViewRoot view = faces == null ? null : faces.getViewRoot();
    return view == null || view.getLocale() == null ? Locale.ENGLISH : view.getLocale();
  }

  /** The text of {@code key} in the view's language; {@code ???key???} if there is none. */
  public static String get(String key, Object... args) {
    return in(locale(), key, args);
  }

  public static String in(Locale locale, String key, Object... args) {
    return find(locale, key, args).orElse("???" + key + "???");
  }

  static Optional<String> find(Locale locale, String key, Object... args) {
    try {
      String pattern = bundle(locale).getString(key);
      if (args.length == 0) {
        return Optional.of(pattern);
      }
      Object[] values =
          Arrays.stream(args).map(a -> a == null ? "" : a).toArray(); // as EL shows null
      return Optional.of(new MessageFormat(pattern, locale).format(values));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  static ResourceBundle bundle(Locale locale) {
    return bundle(BUNDLE, locale);
  }

  /**
   * A bundle of the web module in exactly {@code locale}, else its base file (English), never the
   * JVM's default locale. @throws MissingResourceException if there is no such bundle
   */
  public static ResourceBundle bundle(String baseName, Locale locale) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return ResourceBundle.getBundle(
        baseName,
        locale,
        loader == null ? ConsoleText.class.getClassLoader() : loader,
        NO_FALLBACK);
  }

  /**
   * A settings problem in the view's language: {@code validation.<code>} or {@code <code>} (the
   * address guard's) with the problem's arguments; the English message if there is no such text.
   */
  public static String of(FieldError error) {
    return of(locale(), error);
  }

  static String of(Locale locale, FieldError error) {
    if (error.code() == null) {
      return error.message();
    }
    Object[] args = error.args().toArray();
    return find(locale, "validation." + error.code(), args)
        .or(() -> find(locale, error.code(), args))
        .orElse(error.message());
  }

  /** The texts of several problems, for a list on the page. */
  public static List<String> of(List<FieldError> errors) {
    Locale locale = locale();
    return errors.stream().map(e -> of(locale, e)).toList();
  }

  public static void info(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, get(key, args));
  }

  public static void warn(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_WARN, get(key, args));
  }

  public static void error(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_ERROR, get(key, args));
  }

  /** A message that survives the redirect after a successful action. */
  public static void flashInfo(String key, Object... args) {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    info(key, args);
  }

  /**
   * Adds {@code text} as it is, beside the component {@code clientId} (null: a global message).
   * Already translated and formatted: it is not parsed as a pattern again.
   */
  public static void add(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
  }
}
