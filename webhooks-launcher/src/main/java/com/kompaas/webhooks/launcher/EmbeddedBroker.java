package com.kompaas.webhooks.launcher;

import java.nio.file.Path;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;

/**
 * An Artemis broker in this JVM with a persistent journal, reachable over TCP on loopback with
 * CORE, AMQP and STOMP. The application connects to it exactly as it would to an external broker.
 * The queues and their redelivery and dead-letter settings are the same ones the README asks an
 * operator to create on a production broker.
 */
public final class EmbeddedBroker implements AutoCloseable {

  public static final String EVENTS_QUEUE = "webhooks.events";
  public static final String DEAD_LETTER_QUEUE = "DLQ";

  private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

  public EmbeddedBroker(Path dataDir, String host, int port, String user, String password) {
    Configuration config =
        new ConfigurationImpl()
            .setName("webhooks-embedded")
            .setPersistenceEnabled(true)
            .setJournalType(JournalType.NIO)
            .setJournalDirectory(dataDir.resolve("journal").toString())
            .setBindingsDirectory(dataDir.resolve("bindings").toString())
            .setPagingDirectory(dataDir.resolve("paging").toString())
            .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
            .setJMXManagementEnabled(false)
            .setSecurityEnabled(true);
    try {
      config.addAcceptorConfiguration(
          "tcp", "tcp://" + host + ":" + port + "?protocols=CORE,AMQP,STOMP");
    } catch (Exception e) {
      throw new IllegalArgumentException("bad broker address " + host + ":" + port, e);
    }
    config.addAddressSetting(
        "webhooks.#",
        new AddressSettings()
            .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
            // never give up on an event: a message's delivery count also rises when a consumer's
            // connection dies with the message in its buffer (a killed instance has 16), so a
            // limit of 5 sent unprocessed events to DLQ after one crash; and a database outage
            // longer than the back-off would do the same. Bad content never comes back here:
            // the intake stores it as a dead_letter row and acknowledges it.
            .setMaxDeliveryAttempts(-1)
            .setRedeliveryDelay(500)
            .setRedeliveryMultiplier(2)
            .setMaxRedeliveryDelay(10_000));
    config.addQueueConfiguration(
        QueueConfiguration.of(EVENTS_QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    config.addQueueConfiguration(
        QueueConfiguration.of(DEAD_LETTER_QUEUE)
            .setRoutingType(RoutingType.ANYCAST)
            .setDurable(true));
    config.putSecurityRoles(
        "#",
        Set.of(
            new Role(
                "webhooks",
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true)));

    var security = new ActiveMQSecurityManagerImpl();
    security.getConfiguration().addUser(user, password);
    security.getConfiguration().addRole(user, "webhooks");
    server.setConfiguration(config);
    server.setSecurityManager(security);
  }

  /** Messages in a queue now (delivered but unacknowledged ones included); 0 for no such queue. */
  public long messageCount(String queue) {
    var q = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
    return q == null ? 0 : q.getMessageCount();
  }

  public EmbeddedBroker start() throws Exception {
    server.start();
    return this;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
