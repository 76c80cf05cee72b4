package com.kompaas.webhooks.platform.boundary;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSConnectionFactoryDefinitions;
import jakarta.jms.JMSDestinationDefinition;

/**
 * The application's own resources, so that one artifact runs anywhere: the MariaDB data source and
 * the Artemis connection factory and the events queue. Every address comes from MicroProfile Config
 * ({@code ${MPCONFIG=...}}), whose defaults live in the WAR's {@code
 * microprofile-config.properties}.
 */
@DataSourceDefinition(
    name = Resources.DATA_SOURCE,
    // a plain DataSource, so the pool uses local transactions; see its javadoc for why not XA
    className = "com.kompaas.webhooks.platform.database.LocalMariaDbDataSource",
    url = "${MPCONFIG=webhooks.db.url}",
    user = "${MPCONFIG=webhooks.db.user}",
    password = "${MPCONFIG=webhooks.db.password}",
    minPoolSize = 2,
    // short transactions only (no HTTP inside one): a few dozen connections serve 64 senders, and
    // several instances must fit under MariaDB's default max_connections (151)
    maxPoolSize = 40,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
@JMSConnectionFactoryDefinitions({
  @JMSConnectionFactoryDefinition(
      name = Resources.CONNECTION_FACTORY,
      interfaceName = "jakarta.jms.ConnectionFactory",
      resourceAdapter = Resources.RESOURCE_ADAPTER,
      user = "${MPCONFIG=artemis.user}",
      password = "${MPCONFIG=artemis.password}",
      maxPoolSize = 32,
      properties = {
        "connectorClassName=" + Resources.NETTY_CONNECTOR,
        "connectionParameters=${MPCONFIG=artemis.connection-parameters}"
      }),
  // the intake's consumers: transacted sessions of their own, never enlisted in a JTA transaction
  @JMSConnectionFactoryDefinition(
      name = Resources.INTAKE_CONNECTION_FACTORY,
      interfaceName = "jakarta.jms.ConnectionFactory",
      resourceAdapter = Resources.RESOURCE_ADAPTER,
      user = "${MPCONFIG=artemis.user}",
      password = "${MPCONFIG=artemis.password}",
      transactional = false,
      maxPoolSize = 64,
      properties = {
        "connectorClassName=" + Resources.NETTY_CONNECTOR,
        "connectionParameters=${MPCONFIG=artemis.connection-parameters}",
        "allowLocalTransactions=true"
      })
})
@JMSDestinationDefinition(
    name = Resources.EVENTS_QUEUE_JNDI,
    interfaceName = "jakarta.jms.Queue",
    resourceAdapter = Resources.RESOURCE_ADAPTER,
    destinationName = Resources.EVENTS_QUEUE,
    // without Address the Artemis admin object is empty and sends fail with an NPE
    properties = {"Address=" + Resources.EVENTS_QUEUE})
@Singleton
public class Resources {

  public static final String DATA_SOURCE = "java:app/jdbc/webhooks";
  public static final String CONNECTION_FACTORY = "java:app/jms/webhooks";

  /**
   * The intake consumers' sessions: local transactions, outside JTA (see {@code EventConsumer}).
   */
  public static final String INTAKE_CONNECTION_FACTORY = "java:app/jms/intake";

  /** The deployed RAR's file name without {@code .rar}. */
  public static final String RESOURCE_ADAPTER = "webhooks-artemis";

  public static final String NETTY_CONNECTOR =
      "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";

  /** Where the telephony platform publishes events. */
  public static final String EVENTS_QUEUE = "webhooks.events";

  public static final String EVENTS_QUEUE_JNDI = "java:app/jms/events";
}
