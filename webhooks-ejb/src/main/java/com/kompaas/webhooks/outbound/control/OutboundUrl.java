package com.kompaas.webhooks.outbound.control;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a webhook URL may look like before anyone resolves it: the one check the settings validator
 * runs when a webhook is saved and the sender runs before it connects, so a URL that saves is a URL
 * that is sent as it reads.
 *
 * <p>Refused, because the request would not go where the URL seems to say:
 *
 * <ul>
 *   <li><b>Hosts that programs read as different addresses.</b> A browser or curl follows the
 *       WHATWG URL standard, for which a host whose last label is a number is an IPv4 address with
 *       octal ({@code 0177}), hexadecimal ({@code 0x7f}), shortened ({@code 127.1}) or
 *       single-integer ({@code 2130706433}) parts; Java reads leading zeros as decimal, so {@code
 *       0177.0.0.1} is the public 177.0.0.1 to the sender and the loopback address to everyone
 *       else. Only the plain form, four decimal numbers 0-255 without leading zeros, is the same
 *       address everywhere. A host ending in a number that is no address at all ({@code 08.0.0.1},
 *       {@code 1.2.3.4.5}, {@code example.123}) is refused too: browsers reject it.
 *   <li><b>Ports that cannot exist</b>: 0 and anything above 65535.
 *   <li><b>User info</b> ({@code user:password@host}). The sender never sent it, so the receiver
 *       saw an unauthenticated request; credentials belong in an {@code Authorization} header,
 *       where they are also masked in the logs. Refusing is simpler than turning it into Basic
 *       authentication, and matches Svix.
 * </ul>
 */
public final class OutboundUrl {

  public static final int MAX_PORT = 65535;

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";

  /** The one IPv4 form every URL parser reads alike. */
  private static final Pattern DOTTED_DECIMAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  private static final String HOW =
      "write an IPv4 address as four decimal numbers without leading zeros";

  private OutboundUrl() {}

  /** Refuses a URL the sender will not send. @throws UnsafeAddressException naming the problem */
  public static void check(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new UnsafeAddressException(
          "address.scheme", "only http and https URLs can be webhooks");
    }
    Optional<UnsafeAddressException> problem = formProblem(url);
    if (problem.isPresent()) {
      throw problem.get();
    }
    if (url.getHost() == null) {
      throw new UnsafeAddressException(
          "address.noHost", "URL '" + url + "' has no valid host name", url);
    }
  }

  /**
   * What is wrong with the user info, the host's form or the port of an http(s) URL, if anything; a
   * missing host is left to the caller, which words that itself.
   */
  public static Optional<UnsafeAddressException> formProblem(URI url) {
    String authority = url.getRawAuthority();
    if (url.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0)) {
      // the credential itself is never repeated: messages end up in logs and on screens
      return Optional.of(
          new UnsafeAddressException(
              "address.userInfo",
              "refused: the URL has a user name or password before its host, which would not be sent;"
                  + " remove it and add an Authorization header instead (for Basic authentication: the"
                  + " word Basic, a space and the Base64 of name:password)"));
    }
    Optional<UnsafeAddressException> host = hostProblem(hostOf(url));
    if (host.isPresent()) {
      return host;
    }
    int port = url.getPort();
    if (port == 0 || port > MAX_PORT) {
      return Optional.of(
          new UnsafeAddressException(
              "address.port",
              "refused: port "
                  + port
                  + " cannot be connected to; a port is a number between 1 and "
                  + MAX_PORT,
              port));
    }
    return Optional.empty();
  }

  /**
   * Refuses a host whose form programs read differently; the connect-time check, on the host name
   * the socket is asked to reach. @throws UnsafeAddressException naming the problem
   */
  public static void checkHost(String host) {
    Optional<UnsafeAddressException> problem = hostProblem(host);
    if (problem.isPresent()) {
      throw problem.get();
    }
  }

  static Optional<UnsafeAddressException> hostProblem(String typed) {
    String host = percentDecoded(typed);
    if (host == null
        || host.startsWith("[")
        || !endsInANumber(host)
        || (host.equals(typed) && DOTTED_DECIMAL.matcher(host).matches())) {
      return Optional.empty(); // IPv6 literals and names read alike everywhere
    }
    Optional<String> browsers = whatwgIpv4(host);
    if (browsers.isPresent()) {
      return Optional.of(
          new UnsafeAddressException(
              "address.ambiguousHost",
              "refused: host "
                  + typed
                  + " is an IPv4 address in a form that programs read differently"
                  + " (browsers and curl read it as "
                  + browsers.get()
                  + "); "
                  + HOW
                  + ", such as "
                  + browsers.get(),
              typed,
              browsers.get()));
    }
    return Optional.of(
        new UnsafeAddressException(
            "address.numericHost",
            "refused: host "
                + typed
                + " ends in a number but is no IPv4 address browsers accept; "
                + HOW
                + ", or use a host name",
            typed));
  }

  /** Browsers decode {@code %31} in a host before reading it; Java finds no host there at all. */
  private static String percentDecoded(String host) {
    if (host == null || host.indexOf('%') < 0 || host.startsWith("[")) {
      return host;
    }
    try {
      return URLDecoder.decode(host.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return host;
    }
  }

  /**
   * The host as typed, also where {@link URI} found none: Java parses {@code 0x7f.1} or {@code
   * 127.1} as a registry-based authority without a host, while browsers read an address there.
   */
  static String hostOf(URI url) {
    if (url.getHost() != null) {
      return url.getHost();
    }
    String authority = url.getRawAuthority();
    if (authority == null) {
      return null;
    }
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostPort.startsWith("[")) {
      return hostPort;
    }
    int colon = hostPort.lastIndexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  /** The WHATWG URL standard's "ends in a number": such a host is parsed as an IPv4 address. */
  static boolean endsInANumber(String host) {
    List<String> parts = labels(host);
    String last = parts.get(parts.size() - 1);
    if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    return ipv4Number(last) != null;
  }

  /**
   * The WHATWG IPv4 parser: the address browsers connect to, or empty where they refuse the URL.
   */
  static Optional<String> whatwgIpv4(String host) {
    List<String> parts = labels(host);
    if (parts.size() > 4) {
      return Optional.empty();
    }
    BigInteger[] numbers = new BigInteger[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      numbers[i] = ipv4Number(parts.get(i));
      if (numbers[i] == null) {
        return Optional.empty();
      }
    }
    BigInteger octet = BigInteger.valueOf(256);
    for (int i = 0; i < numbers.length - 1; i++) {
      if (numbers[i].compareTo(octet) >= 0) {
        return Optional.empty();
      }
    }
    BigInteger last = numbers[numbers.length - 1];
    if (last.compareTo(octet.pow(5 - numbers.length)) >= 0) {
      return Optional.empty();
    }
    long address = last.longValue();
    for (int i = 0; i < numbers.length - 1; i++) {
      address += numbers[i].longValue() << (8 * (3 - i));
    }
    return Optional.of(
        (address >>> 24)
            + "."
            + (address >>> 16 & 0xff)
            + "."
            + (address >>> 8 & 0xff)
            + "."
            + (address & 0xff));
  }

  /** The dot-separated parts; one trailing empty part (a final dot) is dropped, as WHATWG does. */
  private static List<String> labels(String host) {
    List<String> parts = new ArrayList<>(Arrays.asList(host.split("\\.", -1)));
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  /**
   * The WHATWG IPv4 number parser: {@code 0x} hexadecimal, leading {@code 0} octal, else decimal.
   */
  private static BigInteger ipv4Number(String part) {
    if (part.isEmpty()) {
      return null;
    }
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x") || part.startsWith("0X")) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() >= 2 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.isEmpty()) {
      return BigInteger.ZERO;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'z') {
        return null;
      }
    }
    return new BigInteger(digits, radix);
  }
}
