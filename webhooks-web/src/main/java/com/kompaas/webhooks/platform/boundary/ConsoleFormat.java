package com.kompaas.webhooks.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes times: in UTC, which the pages say. Faces 4.0's converter cannot format
 * an {@link Instant} (that came in 4.1), so the pages call {@code #{format.time(...)}}.
 */
@Named("format")
@ApplicationScoped
public class ConsoleFormat {

  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd MMM HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("dd MMM HH:mm:ss.SSS", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** {@code 28 Nov 23:41:07}; empty for none. */
  public String time(Instant instant) {
    return instant == null ? "" : SHORT.format(instant);
  }

  public String precise(Instant instant) {
    return instant == null ? "" : PRECISE.format(instant);
  }

  public String date(Instant instant) {
    return instant == null ? "" : LONG.format(instant);
  }
}
