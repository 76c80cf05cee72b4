package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnabledWebhooksTest {

  @Test
  void eachEventGetsOnlyTheWebhooksOfItsAccountAndTypeInIdOrder() {
    var enabled =
        EnabledWebhooks.of(
            List.of(
                new Object[] {7L, 3L, "acc-1", "sms.incoming"},
                new Object[] {2L, 1L, "acc-1", "sms.incoming"},
                new Object[] {5, 9, "acc-1", "call.incoming.start"},
                new Object[] {4L, 2L, "acc-2", "sms.incoming"}));

    assertEquals(
        List.of(new EnabledWebhooks.Version(2, 1), new EnabledWebhooks.Version(7, 3)),
        enabled.of("acc-1", "sms.incoming"));
    assertEquals(
        List.of(new EnabledWebhooks.Version(5, 9)), enabled.of("acc-1", "call.incoming.start"));
    assertEquals(List.of(new EnabledWebhooks.Version(4, 2)), enabled.of("acc-2", "sms.incoming"));
    assertEquals(
        List.of(),
        enabled.of("acc-2", "call.incoming.start"),
        "a pair the query returned for no event");
    assertEquals(List.of(), EnabledWebhooks.of(List.of()).of("acc-1", "sms.incoming"));
  }

  @Test
  void anAccountAndTypeCannotBeConfusedAcrossTheBoundary() {
    var enabled = EnabledWebhooks.of(List.<Object[]>of(new Object[] {1L, 1L, "acc.a", "b.c"}));
    assertEquals(List.of(), enabled.of("acc.a.b", "c"));
  }
}
