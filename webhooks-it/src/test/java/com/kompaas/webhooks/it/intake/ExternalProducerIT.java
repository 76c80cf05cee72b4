package com.kompaas.webhooks.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.Deployments;
import com.kompaas.webhooks.it.TestInfrastructure;
import jakarta.jms.JMSContext;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * From outside the server, as the telephony platform does it: a plain JMS client in another JVM
 * publishes over TCP, and the event shows up as a row in MariaDB and on the events page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExternalProducerIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.webhooks();
  }

  @ArquillianResource URL base;

  @Test
  void eventPublishedOverTcpIsStoredInMariaDbAndListed() throws Exception {
    TestInfrastructure.ensureAccount(TestInfrastructure.IT_DATABASE, "acc-tcp");
    String id = "tcp-" + UUID.randomUUID();
    String body = IntakeIT.event(id, "acc-tcp", "vpbx.call.missed", "{\"exten\":\"101\"}");
    try (var factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:" + TestInfrastructure.brokerPort());
        JMSContext context =
            factory.createContext(
                TestInfrastructure.BROKER_USER, TestInfrastructure.BROKER_PASSWORD)) {
      context.createProducer().send(context.createQueue("webhooks.events"), body);
    }

    Await.until("row for " + id, Duration.ofSeconds(30), () -> storedType(id) != null);
    assertEquals("vpbx.call.missed", storedType(id));

    // the operator sees every account's events
    var console =
        ConsoleHttp.signIn(
            base.toURI(), TestInfrastructure.OPERATOR_LOGIN, TestInfrastructure.OPERATOR_PASSWORD);
    String page = console.get("/events.xhtml").body();
    org.junit.jupiter.api.Assertions.assertTrue(page.contains(id), "events page lists " + id);
  }

  @Test
  void healthReportsDatabaseAndBrokerUp() throws Exception {
    URI health = base.toURI().resolve("/health");
    var response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    org.junit.jupiter.api.Assertions.assertTrue(
        response.body().contains("\"name\":\"database\",\"status\":\"UP\""), response.body());
    org.junit.jupiter.api.Assertions.assertTrue(
        response.body().contains("\"name\":\"broker\",\"status\":\"UP\""), response.body());
  }

  private static String storedType(String externalId) {
    try (Connection c = TestInfrastructure.connect(TestInfrastructure.IT_DATABASE);
        PreparedStatement s =
            c.prepareStatement(
                "select type from event where account_id = 'acc-tcp' and external_id = ?")) {
      s.setString(1, externalId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      return null;
    }
  }
}
