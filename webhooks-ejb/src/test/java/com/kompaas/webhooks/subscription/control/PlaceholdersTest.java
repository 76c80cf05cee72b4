package com.kompaas.webhooks.subscription.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void findsNamesInOrder() {
    assertEquals(
        List.of("a", "b_2", "a"), Placeholders.names("x{{a}}y{{ b_2 }}{{a}}{{1x}}{{a-b}}{ {c}}"));
  }

  @Test
  void singleMeansTheWholeValue() {
    assertEquals(Optional.of("a"), Placeholders.single("{{ a }}"));
    assertEquals(Optional.empty(), Placeholders.single(" {{a}}"));
    assertEquals(Optional.empty(), Placeholders.single("{{a}}{{b}}"));
  }

  @Test
  void replacementTextIsTakenLiterally() {
    assertEquals("$1 \\ $", Placeholders.replace("{{a}} \\ $", n -> "$1"));
  }
}
