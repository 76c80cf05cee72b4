package com.kompaas.webhooks.intake.control;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * What a JMS message carries for the intake: the text to check against the contract, or, for a
 * message that is no contract text at all, why not and what of it can be kept for the dead letter.
 * The contract is a TextMessage, or a BytesMessage of UTF-8.
 *
 * @param text the body to parse; null when refused
 * @param refusal why the message is refused before parsing; null when there is text
 * @param kept what the dead letter keeps of a refused message, or null
 * @param length the refused message's size as far as known: bytes for a BytesMessage, else the
 *     length of what is kept
 * @param cut whether {@code kept} is only the start of the message
 */
public record MessageBody(String text, String refusal, String kept, long length, boolean cut) {

  private static final JsonProvider JSON = JsonProvider.provider();

  static MessageBody text(String text) {
    return new MessageBody(text, null, null, 0, false);
  }

  static MessageBody refused(String reason, String kept) {
    return new MessageBody(null, reason, kept, kept == null ? 0 : kept.length(), false);
  }

  /**
   * @throws JMSException when a text or bytes body cannot be read (the message comes again); map
   *     and stream bodies that cannot be read are refused with the reason instead
   */
  public static MessageBody of(Message message, int maxBytes, int keptBytes) throws JMSException {
    if (message instanceof TextMessage text) {
      return text(text.getText());
    }
    if (message instanceof BytesMessage bytes) {
      return bytes(bytes, maxBytes, keptBytes);
    }
    if (message instanceof MapMessage map) {
      return readable(
          "a MapMessage is not the contract; its entries are kept as a JSON object (byte arrays in"
              + " base64): send the event as a TextMessage of JSON",
          () -> mapAsJson(map));
    }
    if (message instanceof StreamMessage stream) {
      return readable(
          "a StreamMessage is not the contract; its items are kept as a JSON array (byte arrays in"
              + " base64): send the event as a TextMessage of JSON",
          () -> streamAsJson(stream));
    }
    if (message instanceof ObjectMessage) {
      // never getObject(): deserialising a Java object from a producer we do not control can run
      // code of the producer's choosing (the classic deserialisation attack)
      return refused(
          "an ObjectMessage is not the contract; its content is not read, because deserialising Java"
              + " objects from a producer could run their code: send the event as a TextMessage of JSON",
          null);
    }
    return refused(
        "a Message without a body is not the contract: send the event as a TextMessage of JSON",
        null);
  }

  /**
   * Checks the length before reading, and reads UTF-8 strictly: a bad byte is refused, never
   * replaced.
   */
  private static MessageBody bytes(BytesMessage message, int maxBytes, int keptBytes)
      throws JMSException {
    long length = message.getBodyLength();
    if (length > maxBytes) {
      byte[] start = new byte[(int) Math.min(length, keptBytes)];
      message.readBytes(start);
      return new MessageBody(
          null,
          "body has "
              + length
              + " bytes, more than the limit of "
              + maxBytes
              + " ("
              + maxBytes / 1024
              + " KiB)",
          new String(start, StandardCharsets.UTF_8),
          length,
          true);
    }
    byte[] raw = new byte[(int) length];
    message.readBytes(raw);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(raw);
    CharBuffer out = CharBuffer.allocate(raw.length); // UTF-8 never has more characters than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      return new MessageBody(
          null,
          "body is not valid UTF-8 ("
              + (result.isMalformed() ? "malformed" : "unmappable")
              + " input at byte offset "
              + in.position()
              + "): a BytesMessage must hold the JSON in UTF-8",
          new String(raw, StandardCharsets.UTF_8),
          length,
          false); // kept with U+FFFD for the bad bytes
    }
    return text(out.flip().toString());
  }

  private interface Reader {
    String read() throws JMSException;
  }

  private static MessageBody readable(String reason, Reader reader) {
    try {
      return refused(reason, reader.read());
    } catch (JMSException | RuntimeException e) {
      return refused(reason + " (its content could not be read: " + e.getMessage() + ")", null);
    }
  }

  private static String mapAsJson(MapMessage map) throws JMSException {
    List<String> names =
        new ArrayList<>(Collections.list(map.getMapNames()).stream().map(String::valueOf).toList());
    Collections.sort(names); // a map has no order; sorted, the same map is always kept the same way
    JsonObjectBuilder json = JSON.createObjectBuilder();
    for (String name : names) {
      json.add(name, jsonValue(map.getObject(name)));
    }
    return json.build().toString();
  }

  private static String streamAsJson(StreamMessage stream) throws JMSException {
    JsonArrayBuilder json = JSON.createArrayBuilder();
    while (true) {
      Object item;
      try {
        item = stream.readObject();
      } catch (MessageEOFException end) {
        return json.build().toString();
      }
      json.add(jsonValue(item));
    }
  }

  /** The types a map or stream message may hold: primitives, strings and byte arrays. */
  private static JsonValue jsonValue(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      return JSON.createValue(((Number) value).longValue());
    }
    if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? JSON.createValue(d) : JSON.createValue(String.valueOf(d));
    }
    if (value instanceof byte[] bytes) {
      return JSON.createValue(Base64.getEncoder().encodeToString(bytes));
    }
    return JSON.createValue(String.valueOf(value));
  }
}
