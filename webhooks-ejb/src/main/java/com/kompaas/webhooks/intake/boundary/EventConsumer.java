package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.delivery.boundary.Dispatcher;
import com.kompaas.webhooks.intake.control.EventParser;
import com.kompaas.webhooks.intake.control.MessageBody;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.platform.boundary.Resources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads events from the {@value Resources#EVENTS_QUEUE} queue. An adapter only: it unwraps the body
 * and lets {@link Intake} decide.
 *
 * <p>Delivery is not transacted: {@link Intake} commits the event in a database transaction (shared
 * with the events other sessions received at the same moment, see {@link SharedIntake}), and the
 * adapter acknowledges the message only after {@code onMessage} returns. A crash before the
 * commit leaves the message unacknowledged, so the broker redelivers it; a crash between commit and
 * acknowledgement redelivers a message whose event is already stored, which the unique key on
 * (account, event id) turns into a no-op. That is exactly-once in effect without XA, whose in-doubt
 * transactions would otherwise strand messages after a crash until a transaction manager recovers
 * them. A runtime failure makes the adapter roll the session back; the broker redelivers with its
 * delay and, after its attempts, moves the message to its dead-letter address.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Resources.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Resources.EVENTS_QUEUE),
      // both are needed: Artemis silently ignores one without the other
      @ActivationConfigProperty(propertyName = "connectorClassName", propertyValue = Resources.NETTY_CONNECTOR),
      @ActivationConfigProperty(
          propertyName = "connectionParameters",
          propertyValue = "${MPCONFIG=artemis.connection-parameters}"),
      @ActivationConfigProperty(propertyName = "user", propertyValue = "${MPCONFIG=artemis.user}"),
      @ActivationConfigProperty(propertyName = "password", propertyValue = "${MPCONFIG=artemis.password}"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16"),
      @ActivationConfigProperty(propertyName = "MaxPoolSize", propertyValue = "16"),
      // its own threads, apart from the JMS client's global pool
      @ActivationConfigProperty(propertyName = "useGlobalPools", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "threadPoolMaxSize", propertyValue = "24")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // acknowledge after the commit
public class EventConsumer implements MessageListener {

  @Inject SharedIntake intake;

  @Inject Intake refusals;

  @Inject Dispatcher dispatcher;

  @Inject Logger log;

  @Override
  public void onMessage(Message message) {
    String messageId = messageId(message);
    Intake.Accepted accepted;
    try {
      MessageBody body = body(message);
      accepted = body.refusal() != null
          ? refusals.deadLetter(body, DeadLetter.Source.JMS, messageId)
          : intake.accept(body.text(), DeadLetter.Source.JMS, messageId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before the event was stored; the message comes again", e);
    }
    try {
      dispatcher.send(accepted.jobs());
    } catch (RuntimeException e) {
      // the event and its deliveries are committed; the scheduler hands them out when the lease ends
      log.log(Level.WARNING, "Could not hand the deliveries of message " + messageId + " at once", e);
    }
  }

  /**
   * Text is the contract; bytes are read as strict UTF-8, after their length is checked; any other
   * type is refused with its type named and what can be kept of it (see {@link MessageBody}).
   */
  private static MessageBody body(Message message) {
    try {
      return MessageBody.of(message, EventParser.MAX_BODY_BYTES, DeadLetter.MAX_BODY_CHARS);
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read message body", e);
    }
  }

  private static String messageId(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return null;
    }
  }
}
