package com.kompaas.webhooks.delivery.boundary;

import com.kompaas.webhooks.platform.boundary.Resources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * The senders: each session takes one dispatch ticket at a time and makes its attempt. Not
 * transacted, because an HTTP call must not sit inside a transaction; the delivery row, not the
 * message, is the source of truth, so a lost or repeated ticket is harmless.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Resources.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Resources.DELIVERIES_QUEUE),
      @ActivationConfigProperty(propertyName = "connectorClassName", propertyValue = Resources.NETTY_CONNECTOR),
      @ActivationConfigProperty(
          propertyName = "connectionParameters",
          propertyValue = "${MPCONFIG=artemis.connection-parameters}"),
      @ActivationConfigProperty(propertyName = "user", propertyValue = "${MPCONFIG=artemis.user}"),
      @ActivationConfigProperty(propertyName = "password", propertyValue = "${MPCONFIG=artemis.password}"),
      // concurrent senders per instance; integer properties are not config-substituted by Payara
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "64"),
      @ActivationConfigProperty(propertyName = "MaxPoolSize", propertyValue = "64"),
      // the sessions run on the client's thread pool; the global one has 8 threads per core, which
      // would cap the senders far below maxSession and let a hanging endpoint stall them all
      @ActivationConfigProperty(propertyName = "useGlobalPools", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "threadPoolMaxSize", propertyValue = "80"),
      // a ticket is small and quick to hand over; do not let one session hoard a backlog
      @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the HTTP call stays outside transactions
public class DeliveryConsumer implements MessageListener {

  @Inject Sender sender;

  @Inject Logger log;

  @Override
  public void onMessage(Message message) {
    try {
      sender.deliver(Dispatcher.ticket(message));
    } catch (JMSException e) {
      // not a ticket: nothing to deliver, and redelivering it would not change that
      log.warning(() -> "Ignored a message without a dispatch ticket on " + Resources.DELIVERIES_QUEUE + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted; the ticket is redelivered", e);
    }
  }
}
