package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.outbound.control.AddressGuard;
import com.kompaas.webhooks.outbound.control.AddressGuardTest;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https to a name that resolves, through the guard, to 127.0.0.1: the socket goes to the checked
 * address while SNI, certificate and Host header all carry the name.
 */
class TlsPinningTest {

  @TempDir Path dir;

  @Test
  void verifiesTheCertificateOfTheNameWhileConnectingToTheCheckedAddress() throws Exception {
    Path keystore = dir.resolve("receiver.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit",
                "-alias",
                "receiver",
                "-keyalg",
                "EC",
                "-dname",
                "CN=receiver.test",
                "-ext",
                "SAN=dns:receiver.test",
                "-validity",
                "2")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertEquals(0, keytool.waitFor());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    AtomicReference<String> host = new AtomicReference<>();
    server.createContext(
        "/hook",
        ex -> {
          host.set(ex.getRequestHeaders().getFirst("Host"));
          ex.getRequestBody().readAllBytes();
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
    int port = server.getAddress().getPort();
    var resolver =
        AddressGuardTest.names(
            Map.of("receiver.test", List.of("127.0.0.1"), "other.test", List.of("127.0.0.1")));
    var settings =
        new ApacheHttpSender.Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), 1024, "t");
    try (ApacheHttpSender sender =
        new ApacheHttpSender(
            settings, AddressGuard.parse("127.0.0.1", resolver), context, Clock.systemUTC())) {
      SendResult ok =
          sender.send(
              OutboundRequest.post(
                  URI.create("https://receiver.test:" + port + "/hook"),
                  List.of(),
                  "{}".getBytes()));
      assertEquals(204, ok.status(), ok.toString());
      assertEquals("receiver.test:" + port, host.get());

      // same address, but the certificate is not for this name
      SendResult wrongName =
          sender.send(
              OutboundRequest.post(
                  URI.create("https://other.test:" + port + "/hook"), List.of(), "{}".getBytes()));
      assertEquals(DeliveryError.TLS, wrongName.error(), wrongName.toString());
    }
    try (ApacheHttpSender strict =
        new ApacheHttpSender(
            settings, AddressGuard.parse("", resolver), context, Clock.systemUTC())) {
      SendResult blocked =
          strict.send(
              OutboundRequest.post(
                  URI.create("https://receiver.test:" + port + "/hook"),
                  List.of(),
                  "{}".getBytes()));
      assertEquals(DeliveryError.BLOCKED_ADDRESS, blocked.error(), blocked.toString());
      assertTrue(
          blocked.errorDetail().contains("receiver.test resolves to 127.0.0.1"),
          blocked.errorDetail());
    } finally {
      server.stop(0);
    }
  }
}
