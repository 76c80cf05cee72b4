package com.kompaas.webhooks.outbound.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.platform.control.Cidr;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class AddressGuardTest {

  /** Names of our choosing; literals resolve to themselves, never through DNS. */
  public static HostResolver names(Map<String, List<String>> table) {
    return host -> {
      InetAddress literal = Cidr.literal(host);
      if (literal != null) {
        return List.of(literal);
      }
      List<String> addresses = table.get(host);
      if (addresses == null) {
        throw new UnknownHostException(host);
      }
      return addresses.stream().map(Cidr::literal).toList();
    };
  }

  private final HostResolver resolver =
      names(
          Map.of(
              "public.example", List.of("93.184.216.34"),
              "rebind.example", List.of("93.184.216.34", "10.1.2.3"),
              "metadata.example", List.of("169.254.169.254"),
              "receiver.test", List.of("127.0.0.1")));

  private final AddressGuard strict = new AddressGuard(List.of(), java.util.Set.of(), resolver);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "169.254.1.1",
        "100.64.0.1",
        "100.127.255.255",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "192.0.2.1",
        "198.18.0.1",
        "::",
        "::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::127.0.0.1",
        "64:ff9b::a00:1",
        "2002:a00:1::1",
        "2001:db8::1"
      })
  void refusesInternalAddresses(String address) throws Exception {
    InetAddress a = Cidr.literal(address);
    var e = assertThrows(UnsafeAddressException.class, () -> strict.checkResolved(a));
    assertTrue(e.getMessage().startsWith("refused: "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "172.32.0.1",
        "100.128.0.1",
        "192.169.0.1",
        "2606:2800:220:1:248:1893:25c8:1946",
        "::ffff:8.8.8.8"
      })
  void allowsPublicAddresses(String address) {
    assertDoesNotThrow(() -> strict.checkResolved(Cidr.literal(address)));
  }

  @Test
  void metadataAddressIsNamedInTheMessage() {
    var e =
        assertThrows(
            UnsafeAddressException.class,
            () -> strict.checkAtSave(URI.create("http://169.254.169.254/latest/meta-data/")));
    assertEquals(
        "refused: 169.254.169.254 is the cloud metadata address; webhooks may only reach"
            + " public addresses unless the operator allow-lists it",
        e.getMessage());
  }

  @Test
  void checksNamesByWhatTheyResolveTo() {
    assertDoesNotThrow(() -> strict.checkAtSave(URI.create("https://public.example/hook")));
    var e =
        assertThrows(
            UnsafeAddressException.class,
            () -> strict.checkAtSave(URI.create("https://metadata.example/hook")));
    assertTrue(
        e.getMessage().contains("metadata.example resolves to 169.254.169.254"), e.getMessage());
    // one internal address among public ones is enough to refuse
    assertThrows(
        UnsafeAddressException.class,
        () -> strict.checkAtSave(URI.create("https://rebind.example/")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://[::1]:8080/",
        "http://[::ffff:10.0.0.1]/",
        "ftp://public.example/",
        "file:///etc/passwd",
        "http://unknown.example/",
        "http://bad_host/"
      })
  void refusesOtherUnsafeUrlsAtSave(String url) {
    assertThrows(UnsafeAddressException.class, () -> strict.checkAtSave(URI.create(url)));
  }

  @Test
  void allowListOpensRangesAndHosts() {
    AddressGuard guard =
        AddressGuard.parse(" 127.0.0.1/32, ::1 ,receiver.test,10.20.0.0/16", resolver);
    assertDoesNotThrow(() -> guard.checkAtSave(URI.create("http://127.0.0.1:8080/")));
    assertDoesNotThrow(() -> guard.checkAtSave(URI.create("http://[::1]/")));
    assertDoesNotThrow(() -> guard.checkAtSave(URI.create("http://receiver.test/")));
    assertDoesNotThrow(() -> guard.checkResolved("RECEIVER.test.", Cidr.literal("192.168.0.9")));
    assertDoesNotThrow(() -> guard.checkResolved(Cidr.literal("10.20.3.4")));
    assertThrows(
        UnsafeAddressException.class, () -> guard.checkResolved(Cidr.literal("127.0.0.2")));
    assertThrows(
        UnsafeAddressException.class, () -> guard.checkResolved(Cidr.literal("10.21.0.1")));
    assertThrows(
        UnsafeAddressException.class,
        () -> guard.checkAtSave(URI.create("http://metadata.example/")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "under_score", "1.2.3.4/x", "http://x"})
  void rejectsBadAllowLists(String list) {
    assertThrows(IllegalArgumentException.class, () -> AddressGuard.parse(list, resolver));
  }

  @Test
  void blankAllowListAllowsNothingInternal() {
    AddressGuard guard = AddressGuard.parse(" ", resolver);
    assertThrows(
        UnsafeAddressException.class, () -> guard.checkResolved(Cidr.literal("127.0.0.1")));
  }

  /** Allows loopback, so what refuses these URLs is their form, not the range they reach. */
  private final AddressGuard loopbackAllowed = AddressGuard.parse("127.0.0.0/8", resolver);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://0177.0.0.1/", "http://0x7f.1/", "http://0x7f.0.0.1/", "http://2130706433/",
        "http://127.1/", "http://127.0.1/", "http://127.000.000.001/", "http://127.0.0.01/",
        "http://017700000001/", "http://0X7F000001/", "http://127.0.0.1./", "http://08.0.0.1/",
        "http://256.0.0.1/", "http://1.2.3.4.5/", "http://public.example.123/",
            "http://public.0x10/",
        "http://0/", "http://4294967295/", "http://4294967296/", "http://%31%32%37.0.0.1/"
      })
  void refusesHostsThatJavaAndBrowsersReadDifferently(String url) {
    var e =
        assertThrows(
            UnsafeAddressException.class, () -> loopbackAllowed.checkAtSave(URI.create(url)));
    // the second code: a number browsers refuse outright ("08", "256", five parts, a numeric TLD)
    assertTrue(
        List.of("address.ambiguousHost", "address.numericHost").contains(e.code()), e.getMessage());
    String host = url.substring("http://".length(), url.length() - 1);
    assertTrue(e.getMessage().startsWith("refused: host " + host + " "), e.getMessage());
    assertTrue(e.getMessage().contains("four decimal numbers"), e.getMessage());
  }

  @Test
  void theAmbiguousFormMessageSaysWhatBrowsersWouldReach() {
    var e =
        assertThrows(
            UnsafeAddressException.class,
            () -> strict.checkAtSave(URI.create("http://0177.0.0.1/")));
    assertEquals(
        "refused: host 0177.0.0.1 is an IPv4 address in a form that programs read"
            + " differently (browsers and curl read it as 127.0.0.1); write an IPv4"
            + " address as four decimal numbers without leading zeros, such as 127.0.0.1",
        e.getMessage());
    assertEquals(List.of("0177.0.0.1", "127.0.0.1"), e.args());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:0/",
        "https://public.example:65536/",
        "https://public.example:99999/hook"
      })
  void refusesImpossiblePorts(String url) {
    var e =
        assertThrows(
            UnsafeAddressException.class, () -> loopbackAllowed.checkAtSave(URI.create(url)));
    assertEquals("address.port", e.code(), e.getMessage());
    assertTrue(e.getMessage().contains("between 1 and 65535"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://ivan:hunter2@127.0.0.1/",
        "https://tok3n@public.example/",
        "https://:s3cr3t@public.example:8443/x"
      })
  void refusesUserinfoAndPointsToTheAuthorizationHeader(String url) {
    var e =
        assertThrows(
            UnsafeAddressException.class, () -> loopbackAllowed.checkAtSave(URI.create(url)));
    assertEquals("address.userInfo", e.code(), e.getMessage());
    assertTrue(e.getMessage().contains("Authorization header"), e.getMessage());
    assertTrue(
        !e.getMessage().contains("hunter2")
            && !e.getMessage().contains("s3cr3t")
            && !e.getMessage().contains("tok3n"),
        "the credential is not echoed: " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/",
        "http://127.0.0.1:1/",
        "https://public.example:65535/",
        "http://10.0.0.0.example/x",
        "http://0.0.0.0.example/",
        "https://1a.example/",
        "http://[::1]:8080/",
        "https://public.example:0443/",
        "https://PUBLIC.example/"
      })
  void acceptsCanonicalHostsAndPorts(String url) {
    AddressGuard guard =
        AddressGuard.parse(
            "127.0.0.0/8,::1",
            names(
                Map.of(
                    "public.example",
                    List.of("93.184.216.34"),
                    "PUBLIC.example",
                    List.of("93.184.216.34"),
                    "10.0.0.0.example",
                    List.of("93.184.216.34"),
                    "0.0.0.0.example",
                    List.of("93.184.216.34"),
                    "1a.example",
                    List.of("93.184.216.34"))));
    assertDoesNotThrow(() -> guard.checkAtSave(URI.create(url)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0177.0.0.1", "2130706433", "127.000.000.001"})
  void refusesAmbiguousHostsAtConnectTimeToo(String host) {
    // what the sender's sockets call: Java alone would read these as 177.0.0.1 and 127.0.0.1
    var e = assertThrows(UnsafeAddressException.class, () -> loopbackAllowed.resolveChecked(host));
    assertEquals("address.ambiguousHost", e.code());
  }

  @Test
  void refusesAmbiguousFormsInTheAllowList() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> AddressGuard.parse("010.0.0.0/8", resolver));
    assertTrue(e.getMessage().contains("010.0.0.0"), e.getMessage());
  }
}
