package com.kompaas.webhooks.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the bench changes in the broker.xml that {@code artemis create} writes. */
class BrokerProcessTest {

  private static final String CREATED =
      """
      <configuration><core>
            <acceptors>
               <acceptor name="artemis">tcp://127.0.0.1:61616?tcpSendBufferSize=1048576;protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE;useEpoll=true</acceptor>
            </acceptors>
            <address-settings>
               <address-setting match="#">
                  <redelivery-delay>0</redelivery-delay>
               </address-setting>
            </address-settings>
            <addresses>
               <address name="DLQ"><anycast><queue name="DLQ" /></anycast></address>
            </addresses>
      </core></configuration>
      """;

  @Test
  void addsTheReadmesRedeliverySettingsForWebhooksAheadOfTheCatchAll() {
    String xml = BrokerProcess.configure(CREATED);
    int webhooks = xml.indexOf("<address-setting match=\"webhooks.#\">");
    assertTrue(webhooks > 0 && webhooks < xml.indexOf("<address-setting match=\"#\">"), xml);
    for (String setting :
        new String[] {
          "<dead-letter-address>DLQ</dead-letter-address>",
          "<max-delivery-attempts>-1</max-delivery-attempts>",
          "<redelivery-delay>500</redelivery-delay>",
          "<redelivery-delay-multiplier>2</redelivery-delay-multiplier>",
          "<max-redelivery-delay>10000</max-redelivery-delay>"
        }) {
      assertTrue(xml.contains(setting), setting);
    }
  }

  @Test
  void acceptsCoreOnly() {
    String xml = BrokerProcess.configure(CREATED);
    assertTrue(xml.contains("protocols=CORE;useEpoll=true"), xml);
    assertFalse(xml.contains("AMQP"));
  }

  @Test
  void refusesABrokerXmlItDoesNotRecognise() {
    assertThrows(IllegalStateException.class, () -> BrokerProcess.configure("<configuration/>"));
  }
}
