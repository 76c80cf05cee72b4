package com.kompaas.webhooks.platform.presentation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the console writes times and numbers: times in UTC, which the pages say, with month names and
 * digits in the view's language ({@code 28 Nov 23:41:07}, {@code 28 нояб. 23:41:07}). Faces 4.0's
 * converter cannot format an {@link Instant} (that came in 4.1), so the pages call {@code
 * #{format.time(...)}}.
 */
@Named("format")
@ApplicationScoped
public class ConsoleFormat {

  private static final String SHORT = "dd MMM HH:mm:ss";
  private static final String PRECISE = "dd MMM HH:mm:ss.SSS";
  private static final String LONG = "dd MMM yyyy HH:mm 'UTC'";

  private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

  /** {@code 28 Nov 23:41:07}; empty for none. */
  public String time(Instant instant) {
    return format(SHORT, instant, ConsoleText.locale());
  }

  public String precise(Instant instant) {
    return format(PRECISE, instant, ConsoleText.locale());
  }

  public String date(Instant instant) {
    return format(LONG, instant, ConsoleText.locale());
  }

  /** A figure with at most one decimal, {@code 97.5} or {@code 97,5}; empty for none. */
  public String number(Number value) {
    return number(value, ConsoleText.locale());
  }

  String format(String pattern, Instant instant, Locale locale) {
    if (instant == null) {
      return "";
    }
    return formatters
        .computeIfAbsent(
            pattern + "|" + locale.toLanguageTag(),
            k -> DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC))
        .format(instant);
  }

  static String number(Number value, Locale locale) {
    if (value == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }
}
