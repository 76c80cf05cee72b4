package com.kompaas.webhooks.account.control;

import com.kompaas.webhooks.platform.control.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which client a request comes from, for the sign-in throttle. Behind a reverse proxy every request
 * comes from the proxy, so the proxy's {@code X-Forwarded-For} names the client; but any client can
 * send that header, so it is believed only from the addresses configured as trusted proxies ({@code
 * webhooks.console.trusted-proxies}), walking it from the right past further trusted proxies (if
 * every hop is one, the first hop is the client). Without that setting the client is the remote
 * address, the header ignored.
 */
public final class ClientAddress {

  // literals only: a name in the header must never cause a DNS lookup
  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Cidr> trustedProxies;

  private ClientAddress(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /**
   * @param trustedProxies comma-separated addresses and CIDR ranges; empty trusts no proxy
   */
  public static ClientAddress trusting(String trustedProxies) {
    return new ClientAddress(
        Arrays.stream(trustedProxies == null ? new String[0] : trustedProxies.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Cidr::parse)
            .toList());
  }

  /** The client: the remote address, or the forwarded one when a trusted proxy sent the request. */
  public String of(String remoteAddress, String forwardedFor) {
    if (forwardedFor == null || !trusted(remoteAddress)) {
      return remoteAddress;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!IP_LITERAL.matcher(hop).matches()) {
        return remoteAddress; // garbage in the chain: trust nothing of it
      }
      if (!trusted(hop) || i == 0) {
        return hop; // the rightmost hop no trusted proxy added, or the first if all are proxies
      }
    }
    return remoteAddress;
  }

  private boolean trusted(String address) {
    if (trustedProxies.isEmpty() || address == null || !IP_LITERAL.matcher(address).matches()) {
      return false;
    }
    try {
      InetAddress a = InetAddress.getByName(address);
      return trustedProxies.stream().anyMatch(c -> c.contains(a));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
