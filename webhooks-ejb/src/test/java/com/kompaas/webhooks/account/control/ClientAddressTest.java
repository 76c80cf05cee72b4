package com.kompaas.webhooks.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertEquals("198.51.100.1", ClientAddress.trusting("").of("198.51.100.1", "203.0.113.7"));
  }

  @Test
  void aTrustedProxyNamesTheClientTheRightmostUntrustedHop() {
    ClientAddress proxies = ClientAddress.trusting("10.0.0.0/8, 127.0.0.1/32");
    assertEquals("203.0.113.7", proxies.of("127.0.0.1", "203.0.113.7"));
    assertEquals(
        "203.0.113.7",
        proxies.of("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.1.2.3"),
        "a spoofed left part is skipped");
    assertEquals(
        "198.51.100.1",
        proxies.of("198.51.100.1", "203.0.113.7"),
        "an untrusted sender's header is ignored");
    assertEquals("127.0.0.1", proxies.of("127.0.0.1", "evil.example"), "names are never looked up");
    assertEquals("2001:db8::1", proxies.of("127.0.0.1", "2001:db8::1"));
    assertEquals(
        "10.9.9.9", proxies.of("127.0.0.1", "10.9.9.9, 10.1.2.3"), "all proxies: the first hop");
    assertEquals("203.0.113.7", ClientAddress.trusting("0.0.0.0/0").of("192.0.2.2", "203.0.113.7"));
  }
}
