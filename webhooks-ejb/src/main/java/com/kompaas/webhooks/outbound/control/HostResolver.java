package com.kompaas.webhooks.outbound.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution as a seam, so the address guard can be tested with names of our choosing. */
@FunctionalInterface
public interface HostResolver {

  /** All addresses of {@code host}; a literal address resolves to itself without a lookup. */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
