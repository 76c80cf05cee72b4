package com.kompaas.webhooks.outbound.control;

import com.kompaas.webhooks.platform.control.Cidr;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps webhook URLs, which customers type in, from reaching anything inside our network (SSRF).
 * Refused by default: loopback, private, link-local (with the cloud metadata address
 * 169.254.169.254), multicast, unspecified, carrier-grade NAT, documentation, benchmarking and
 * reserved ranges, and IPv6 forms that embed such an IPv4 address (mapped, compatible, NAT64,
 * 6to4).
 *
 * <p>The check runs twice, each time after {@link OutboundUrl}'s check of the URL's form (hosts
 * that programs read as different addresses, impossible ports, user info). {@link
 * #checkAtSave(URI)} gives the customer a clear answer when the webhook is saved. {@link
 * #checkResolved(String, InetAddress)} runs at connect time against the very address the sender
 * then connects to; only that closes DNS rebinding, where a name resolves to a public address at
 * save time and to an internal one later.
 *
 * <p>An explicit allow-list (configuration such as {@code 127.0.0.1/32,::1,receiver.test}) lets
 * tests and on-premises setups reach local receivers. A host name in it is allowed whatever it
 * resolves to; a range allows any name that resolves into it.
 */
public final class AddressGuard {

  private static final Map<Cidr, String> BLOCKED = new LinkedHashMap<>();

  static {
    block("0.0.0.0/8", "an unspecified ('this network') address");
    block("10.0.0.0/8", "a private address");
    block("100.64.0.0/10", "a carrier-grade NAT address");
    block("127.0.0.0/8", "a loopback address");
    block("169.254.169.254/32", "the cloud metadata address");
    block("169.254.0.0/16", "a link-local address");
    block("172.16.0.0/12", "a private address");
    block("192.0.0.0/24", "an IETF protocol address");
    block("192.0.2.0/24", "a documentation address");
    block("192.168.0.0/16", "a private address");
    block("198.18.0.0/15", "a benchmarking address");
    block("198.51.100.0/24", "a documentation address");
    block("203.0.113.0/24", "a documentation address");
    block("224.0.0.0/4", "a multicast address");
    block("240.0.0.0/4", "a reserved address");
    block("::/128", "an unspecified address");
    block("::1/128", "a loopback address");
    block("fc00::/7", "a private (unique local) address");
    block("fe80::/10", "a link-local address");
    block("fec0::/10", "a site-local address");
    block("ff00::/8", "a multicast address");
    block("2001:db8::/32", "a documentation address");
    block("100::/64", "a discard-only address");
  }

  private static void block(String cidr, String why) {
    BLOCKED.put(Cidr.parse(cidr), why);
  }

  private final List<Cidr> allowedRanges;
  private final Set<String> allowedHosts;
  private final HostResolver resolver;

  public AddressGuard(List<Cidr> allowedRanges, Set<String> allowedHosts, HostResolver resolver) {
    this.allowedRanges = List.copyOf(allowedRanges);
    TreeSet<String> hosts = new TreeSet<>();
    allowedHosts.forEach(h -> hosts.add(normalise(h)));
    this.allowedHosts = Set.copyOf(hosts);
    this.resolver = resolver;
  }

  /** The default: nothing internal is allowed, names resolve through the system resolver. */
  public static AddressGuard strict() {
    return new AddressGuard(List.of(), Set.of(), HostResolver.system());
  }

  /**
   * Reads an allow-list: comma-separated IP addresses, CIDR ranges and host names. Blank means
   * none.
   */
  public static AddressGuard parse(String allowList, HostResolver resolver) {
    List<Cidr> ranges = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    if (allowList != null) {
      for (String raw : allowList.split(",")) {
        String item = raw.strip();
        if (item.isEmpty()) {
          continue;
        }
        int slash = item.indexOf('/');
        OutboundUrl.hostProblem(slash < 0 ? item : item.substring(0, slash))
            .ifPresent(
                problem -> {
                  throw new IllegalArgumentException(
                      "allow-list entry '" + item + "': " + problem.getMessage());
                });
        if (item.indexOf('/') >= 0 || Cidr.literal(item) != null) {
          ranges.add(Cidr.parse(item));
        } else if (item.matches(
            "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?")) {
          hosts.add(item);
        } else {
          throw new IllegalArgumentException(
              "allow-list entry '" + item + "' is neither an address, a range nor a host name");
        }
      }
    }
    return new AddressGuard(ranges, Set.copyOf(hosts), resolver);
  }

  /**
   * Refuses a webhook URL whose host is a blocked address or resolves to one. Unresolvable names
   * are refused as well: deliveries to them could only fail.
   */
  public void checkAtSave(URI url) {
    OutboundUrl.check(url);
    try {
      resolveChecked(url.getHost());
    } catch (UnknownHostException e) {
      throw new UnsafeAddressException(
          "address.unresolved", "host " + url.getHost() + " does not resolve", url.getHost());
    }
  }

  /**
   * Resolves {@code host} and checks every address it has, so a name with one public and one
   * internal address is refused rather than depending on which one the client picks.
   *
   * @return the addresses, in resolver order, all allowed
   */
  public List<InetAddress> resolveChecked(String host) throws UnknownHostException {
    OutboundUrl.checkHost(host); // before the resolver, which would read 0177.0.0.1 as 177.0.0.1
    String h = unbracket(host);
    List<InetAddress> addresses = resolver.resolve(h);
    if (addresses.isEmpty()) {
      throw new UnknownHostException(h);
    }
    for (InetAddress a : addresses) {
      checkResolved(h, a);
    }
    return addresses;
  }

  /** The connect-time check for an address with no host name to go by. */
  public void checkResolved(InetAddress address) {
    checkResolved(null, address);
  }

  /**
   * The connect-time check: refuses {@code address} unless it is public, inside an allowed range,
   * or {@code host} is an allowed name.
   */
  public void checkResolved(String host, InetAddress address) {
    if (host != null && allowedHosts.contains(normalise(host))) {
      return;
    }
    Optional<String> why = blockedBecause(address);
    if (why.isEmpty()) {
      return;
    }
    for (Cidr range : allowedRanges) {
      if (range.contains(address)) {
        return;
      }
    }
    String shown = address.getHostAddress();
    String name = host == null || Cidr.literal(host) != null ? "" : host + " resolves to ";
    String message =
        "refused: "
            + name
            + shown
            + " is "
            + why.get()
            + "; webhooks may only reach public addresses unless the operator allow-lists it";
    throw name.isEmpty()
        ? new UnsafeAddressException("address.blocked", message, shown, why.get())
        : new UnsafeAddressException("address.blocked.host", message, shown, why.get(), host);
  }

  /** Why an address is internal, or empty if it is public. */
  static Optional<String> blockedBecause(InetAddress address) {
    byte[] b = address.getAddress();
    Optional<String> direct = rangeOf(b);
    if (direct.isPresent() || b.length == 4) {
      return direct;
    }
    byte[] embedded = embeddedIpv4((Inet6Address) address);
    if (embedded != null) {
      return rangeOf(embedded).map(why -> why + " inside an IPv6 address");
    }
    return Optional.empty();
  }

  private static Optional<String> rangeOf(byte[] address) {
    for (Map.Entry<Cidr, String> e : BLOCKED.entrySet()) {
      if (e.getKey().contains(address)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The IPv4 address carried by a mapped, compatible, NAT64 or 6to4 IPv6 address. */
  private static byte[] embeddedIpv4(Inet6Address address) {
    byte[] b = address.getAddress();
    boolean zeros80 = allZero(b, 0, 10);
    boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeros80 && b[10] == 0 && b[11] == 0;
    boolean nat64 =
        b[0] == 0
            && b[1] == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && allZero(b, 4, 12);
    if (mapped || compatible || nat64) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static String normalise(String host) {
    String h = unbracket(host).toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  @Override
  public String toString() {
    return "AddressGuard[allow " + allowedRanges + " " + allowedHosts + "]";
  }
}
