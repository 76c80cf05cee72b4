package com.kompaas.webhooks.it.intake;

import com.kompaas.webhooks.platform.boundary.Resources;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The broker's own counters of the events queue, read through Artemis management over the
 * application's broker connection settings. A queue browser does not see the messages a consumer
 * holds, so an empty browser proves nothing about what was consumed; the broker's message count
 * includes the messages being delivered, and falls only when a message is acknowledged.
 */
final class EventsQueue {

  private EventsQueue() {}

  /** Messages ever added to the queue (each once, however often redelivered). */
  static long added() {
    return attribute("messagesAdded");
  }

  /**
   * True once every message added so far, and at least {@code added} in all, has been acknowledged:
   * none waits, none is held by a consumer.
   */
  static boolean consumed(long added) {
    return attribute("messagesAdded") >= added
        && attribute("messageCount") == 0
        && attribute("deliveringCount") == 0;
  }

  private static long attribute(String name) {
    String parameters = System.getProperty("artemis.connection-parameters"); // host=...;port=...
    String host = "127.0.0.1";
    String port = "61616";
    for (String pair : parameters.split(";")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals("host")) {
        host = kv[1];
      } else if (kv[0].equals("port")) {
        port = kv[1];
      }
    }
    try (var factory = new ActiveMQConnectionFactory("tcp://" + host + ":" + port);
        QueueConnection connection =
            factory.createQueueConnection(
                System.getProperty("artemis.user"), System.getProperty("artemis.password"))) {
      QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
      connection.start();
      QueueRequestor requestor =
          new QueueRequestor(session, ActiveMQJMSClient.createQueue("activemq.management"));
      Message request = session.createMessage();
      JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + Resources.EVENTS_QUEUE, name);
      Message reply = requestor.request(request);
      if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
        throw new IllegalStateException(
            "management refused " + name + ": " + JMSManagementHelper.getResult(reply));
      }
      return ((Number) JMSManagementHelper.getResult(reply)).longValue();
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read " + name + " of the events queue", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + name + " of the events queue", e);
    }
  }
}
