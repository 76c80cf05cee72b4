package com.kompaas.webhooks.subscription.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyValueTest {

  @Test
  void equalByValue() {
    assertEquals(KeyValue.of("X-A", "1"), new KeyValue("X-A", "1"));
    assertEquals(KeyValue.of("X-A", "1").hashCode(), new KeyValue("X-A", "1").hashCode());
    assertNotEquals(KeyValue.of("X-A", "1"), KeyValue.of("x-a", "1"));
    assertNotEquals(KeyValue.of("X-A", "1"), KeyValue.of("X-A", "2"));
  }

  @Test
  void missingValueIsEmpty() {
    assertEquals("", KeyValue.of("a", null).value());
  }

  @Test
  void keepsNameAndValueExactly() {
    KeyValue pair = KeyValue.of(" a ", " {{did}} ");
    assertEquals(" a ", pair.key());
    assertEquals(" {{did}} ", pair.value());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void requiresAName(String key) {
    var e = assertThrows(IllegalArgumentException.class, () -> KeyValue.of(key, "v"));
    assertEquals("a name is required", e.getMessage());
  }

  @Test
  void limitsLengthsToTheColumns() {
    KeyValue.of("k".repeat(KeyValue.KEY_LENGTH), "v".repeat(KeyValue.VALUE_LENGTH));
    var longKey =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeyValue.of("k".repeat(KeyValue.KEY_LENGTH + 1), ""));
    assertTrue(longKey.getMessage().contains("more than 256"));
    var longValue =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeyValue.of("k", "v".repeat(KeyValue.VALUE_LENGTH + 1)));
    assertTrue(longValue.getMessage().contains("more than 2048"));
  }
}
