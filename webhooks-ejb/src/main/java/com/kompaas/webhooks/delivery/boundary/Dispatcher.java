package com.kompaas.webhooks.delivery.boundary;

import com.kompaas.webhooks.delivery.control.DispatchTicket;
import com.kompaas.webhooks.platform.boundary.Resources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.List;

/**
 * Puts dispatch tickets on the deliveries queue, after the database has committed the deliveries
 * they name. Its own transaction holds only the broker; if it fails, or the instance dies first,
 * the deliveries' leases run out and the scheduler hands them out again.
 */
@Stateless
public class Dispatcher {

  static final String DELIVERY_ID = "deliveryId";
  static final String WEBHOOK_ID = "webhookId";
  static final String TOKEN = "token";

  @Inject
  @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
  JMSContext jms;

  @Resource(lookup = Resources.DELIVERIES_QUEUE_JNDI)
  Queue deliveries;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void publish(List<DispatchTicket> tickets) {
    if (tickets.isEmpty()) {
      return;
    }
    JMSProducer producer = jms.createProducer();
    for (DispatchTicket ticket : tickets) {
      Message message = jms.createMessage();
      try {
        message.setLongProperty(DELIVERY_ID, ticket.deliveryId());
        message.setLongProperty(WEBHOOK_ID, ticket.webhookId());
        message.setLongProperty(TOKEN, ticket.token());
      } catch (JMSException e) {
        throw new IllegalStateException("cannot build a dispatch message", e);
      }
      producer.send(deliveries, message);
    }
  }

  static DispatchTicket ticket(Message message) throws JMSException {
    return new DispatchTicket(
        message.getLongProperty(DELIVERY_ID), message.getLongProperty(WEBHOOK_ID), message.getLongProperty(TOKEN));
  }
}
