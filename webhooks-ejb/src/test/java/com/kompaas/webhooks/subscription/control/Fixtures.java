package com.kompaas.webhooks.subscription.control;

import static com.kompaas.webhooks.catalog.entity.ParameterType.BOOLEAN;
import static com.kompaas.webhooks.catalog.entity.ParameterType.INTEGER;
import static com.kompaas.webhooks.catalog.entity.ParameterType.NUMBER;
import static com.kompaas.webhooks.catalog.entity.ParameterType.OBJECT;
import static com.kompaas.webhooks.catalog.entity.ParameterType.STRING;

import com.kompaas.webhooks.catalog.entity.EventGroup;
import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;

/** A slice of the seeded catalogue, and event values as the renderer receives them. */
final class Fixtures {

  static final String TYPE = "call.incoming.end";

  private Fixtures() {}

  static EventType incomingCallEnd() {
    return new EventType(
        TYPE,
        new EventGroup("telephony", "Telephony calls", 1),
        "Incoming call ended",
        "An incoming call ended",
        3,
        List.of(
            new EventParameter(1, "eventId", STRING, "Unique id of the event", "evt_7f3a9c2e41"),
            new EventParameter(2, "eventType", STRING, "Event type code", TYPE),
            new EventParameter(3, "accountId", STRING, "Account", "acc-42"),
            new EventParameter(4, "timestamp", INTEGER, "Unix seconds", "1764324930"),
            new EventParameter(5, "occurredAt", STRING, "ISO-8601", "2025-11-28T10:15:30Z"),
            new EventParameter(6, "callId", STRING, "Call leg", "1764324930.1842"),
            new EventParameter(7, "linkedId", STRING, "Call", "1764324930.1840"),
            new EventParameter(10, "did", STRING, "Called number", "74951234567"),
            new EventParameter(11, "callerNumber", STRING, "Caller", "79161234567"),
            new EventParameter(12, "duration", INTEGER, "Seconds", "95"),
            new EventParameter(13, "billsec", INTEGER, "Billed seconds", "83"),
            new EventParameter(14, "status", STRING, "How it ended", "answered"),
            new EventParameter(15, "hangupCause", STRING, "Cause", "NORMAL_CLEARING"),
            new EventParameter(
                16, "recordingUrl", STRING, "Recording", "https://rec.example/r.mp3"),
            new EventParameter(17, "cost", NUMBER, "Price", "0.35"),
            new EventParameter(18, "isRedirect", BOOLEAN, "Redirected", "false"),
            new EventParameter(19, "variables", OBJECT, "Collected", "{\"name\":\"Ivan\"}")));
  }

  /** A stored event's values: its data plus the common parameters. */
  static JsonObject event(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static JsonObject sampleEvent() {
    return event(
        """
        {"eventId":"evt-1","eventType":"call.incoming.end","accountId":"acc-42",
         "timestamp":1764324930,"occurredAt":"2025-11-28T10:15:30Z",
         "callId":"c-1","linkedId":"l-1","did":"74951234567","callerNumber":"+79161234567",
         "duration":95,"billsec":83,"status":"answered","hangupCause":"NORMAL_CLEARING",
         "cost":0.35,"isRedirect":false,"variables":{"name":"Ivan","agreed":true}}
        """);
  }
}
