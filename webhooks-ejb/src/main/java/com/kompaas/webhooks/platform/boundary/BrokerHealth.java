package com.kompaas.webhooks.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP only when the broker accepts a session and the events queue can be browsed. A pooled
 * connection to a broker that went away fails here, because browsing needs a round trip.
 */
@Readiness
@ApplicationScoped
public class BrokerHealth implements HealthCheck {

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("broker");
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession();
        QueueBrowser browser = session.createBrowser(session.createQueue(Resources.EVENTS_QUEUE))) {
      browser.getEnumeration();
      return response.up().withData("queue", Resources.EVENTS_QUEUE).build();
    } catch (JMSException | RuntimeException e) {
      return response
          .down()
          .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }
}
