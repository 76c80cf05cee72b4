package com.kompaas.webhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MultiRowTest {

  @Test
  void anInsertHasOneTuplePerRow() {
    assertEquals(
        "INSERT INTO t (a, b) VALUES (?, 1), (?, 1), (?, 1)",
        MultiRow.insertSql("INSERT INTO t (a, b) VALUES ", "(?, 1)", 3));
    assertEquals(
        "INSERT INTO t (a) VALUES (?)", MultiRow.insertSql("INSERT INTO t (a) VALUES ", "(?)", 1));
  }

  @Test
  void anUpdateSetsEachColumnByCaseOverTheIdsAndTouchesOnlyThem() {
    assertEquals(
        "UPDATE d SET x = CASE id WHEN ? THEN ? WHEN ? THEN ? END, y = CASE id WHEN ? THEN ? WHEN ? THEN ? END,"
            + " v = v + 1 WHERE id IN (?, ?)",
        MultiRow.updateSql("d", List.of("x", "y"), "v = v + 1", 2));
    assertEquals(
        "UPDATE d SET x = CASE id WHEN ? THEN ? END WHERE id IN (?)",
        MultiRow.updateSql("d", List.of("x"), "", 1));
  }

  @Test
  void chunksKeepOrderAndHoldAtMostMaxRows() {
    List<Integer> rows = IntStream.range(0, MultiRow.MAX_ROWS * 2 + 5).boxed().toList();
    List<List<Integer>> chunks = MultiRow.chunks(rows, r -> 10);
    assertEquals(
        List.of(MultiRow.MAX_ROWS, MultiRow.MAX_ROWS, 5), chunks.stream().map(List::size).toList());
    assertEquals(rows, chunks.stream().flatMap(List::stream).toList());
  }

  @Test
  void chunksStayUnderTheCharacterBoundAndARowLargerThanItGoesAlone() {
    long big = MultiRow.MAX_CHARS / 2 + 1;
    List<Long> sizes = List.of(big, big, 10L, MultiRow.MAX_CHARS * 3, 10L);
    List<List<Long>> chunks = MultiRow.chunks(sizes, s -> s);
    assertEquals(
        List.of(List.of(big), List.of(big, 10L), List.of(MultiRow.MAX_CHARS * 3), List.of(10L)),
        chunks);
  }

  @Test
  void noRowsNoChunks() {
    assertEquals(List.of(), MultiRow.chunks(Collections.<String>emptyList(), s -> 1));
  }
}
