package com.kompaas.webhooks.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyMaterialTest {

  @Test
  void keysAreLongRandomAndPrefixed() {
    String key = KeyMaterial.newKey();
    assertTrue(key.matches("whk_[A-Za-z0-9_-]{43}"), key);
    assertNotEquals(key, KeyMaterial.newKey());
    assertEquals(key.substring(0, 12), KeyMaterial.shownPart(key));
  }

  @Test
  void theHashIsWhatSha256sumPrints() {
    // printf %s abc | sha256sum
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        KeyMaterial.sha256("abc"));
  }

  @Test
  void hashesCompareByValue() {
    assertTrue(KeyMaterial.sameHash(KeyMaterial.sha256("k"), KeyMaterial.sha256("k")));
    assertFalse(KeyMaterial.sameHash(KeyMaterial.sha256("k"), KeyMaterial.sha256("l")));
    assertFalse(KeyMaterial.sameHash(null, "x"));
  }
}
