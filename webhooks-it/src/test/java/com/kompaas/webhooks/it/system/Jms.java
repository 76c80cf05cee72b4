package com.kompaas.webhooks.it.system;

import com.kompaas.webhooks.it.EventMessages;
import jakarta.jms.JMSContext;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A plain JMS client, as the telephony platform's producers use: CORE protocol over TCP. */
final class Jms {

  private Jms() {}

  static void publish(int port, String user, String password, List<String> bodies) {
    try (var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        JMSContext context = factory.createContext(user, password)) {
      var queue = context.createQueue("webhooks.events");
      var producer = context.createProducer();
      for (String body : bodies) {
        producer.send(queue, body);
      }
    }
  }

  static String event(String id, String account, String type, String data) {
    return EventMessages.event(id, account, type, data);
  }
}
