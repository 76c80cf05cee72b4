-- The event catalogue: groups, event types and their parameters, as shown in the "New Web hook"
-- window. It is data so that an operator can add a type without a rebuild:
--
--   INSERT INTO event_type (code, group_code, label, description, position)
--     VALUES ('sms.outgoing', 'sms', 'Outgoing SMS', 'An SMS was sent from a number', 30);
--   INSERT INTO event_parameter (event_type_code, position, name, type, description, example_value)
--     VALUES ('sms.outgoing', 1, 'eventId', 'STRING', 'Unique id of the event', 'evt_7f3a9c2e'), ...;
--
-- A type lists every parameter it carries, the common ones included. type is one of STRING,
-- INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY. example_value is text: a string as is, a number or
-- boolean as its literal, an object or array as JSON.

CREATE TABLE event_group (
  code      VARCHAR(64)  NOT NULL,
  label     VARCHAR(128) NOT NULL,
  position  INT          NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE event_type (
  code         VARCHAR(128)  NOT NULL,
  group_code   VARCHAR(64)   NOT NULL,
  label        VARCHAR(128)  NOT NULL,
  description  VARCHAR(1000) NOT NULL,
  position     INT           NOT NULL,
  PRIMARY KEY (code),
  CONSTRAINT fk_event_type_group FOREIGN KEY (group_code) REFERENCES event_group (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE event_parameter (
  event_type_code  VARCHAR(128)  NOT NULL,
  position         INT           NOT NULL,
  name             VARCHAR(64)   NOT NULL,
  type             VARCHAR(16)   NOT NULL,
  description      VARCHAR(500)  NOT NULL,
  example_value    VARCHAR(1000) NOT NULL,
  PRIMARY KEY (event_type_code, name),
  CONSTRAINT fk_event_parameter_type FOREIGN KEY (event_type_code) REFERENCES event_type (code)
    ON DELETE CASCADE,
  CONSTRAINT ck_event_parameter_type
    CHECK (type IN ('STRING', 'INTEGER', 'NUMBER', 'BOOLEAN', 'OBJECT', 'ARRAY'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Groups, in the order of the help article.
INSERT INTO event_group (code, label, position) VALUES
  ('telephony',     'Telephony calls',     1),
  ('pbx',           'PBX calls',           2),
  ('authorization', 'Authorization calls', 3),
  ('sms',           'SMS',                 4),
  ('calltracking',  'Calltracking',        5),
  ('robot',         'Voice robot calls',   6);

INSERT INTO event_type (code, group_code, label, description, position) VALUES
  ('call.incoming.start',      'telephony', 'Incoming call started',  'An incoming call to a number started ringing', 1),
  ('call.incoming.answer',     'telephony', 'Incoming call answered', 'An incoming call was answered', 2),
  ('call.incoming.end',        'telephony', 'Incoming call ended',    'An incoming call ended', 3),
  ('call.outgoing.start',      'telephony', 'Outgoing call started',  'An outgoing call started', 4),
  ('call.outgoing.answer',     'telephony', 'Outgoing call answered', 'An outgoing call was answered', 5),
  ('call.outgoing.end',        'telephony', 'Outgoing call ended',    'An outgoing call ended', 6),
  ('call.transfer',            'telephony', 'Call transferred',       'A call was transferred to another internal subscriber', 7),
  ('vpbx.call.inbound.start',  'pbx', 'PBX incoming call started', 'An incoming call entered the virtual PBX', 1),
  ('vpbx.call.inbound.end',    'pbx', 'PBX incoming call ended',   'An incoming call to the virtual PBX ended', 2),
  ('vpbx.call.outbound.start', 'pbx', 'PBX outgoing call started', 'A PBX extension called out', 3),
  ('vpbx.call.outbound.end',   'pbx', 'PBX outgoing call ended',   'An outgoing call from a PBX extension ended', 4),
  ('vpbx.call.missed',         'pbx', 'PBX call missed',           'Nobody answered a call to the virtual PBX', 5),
  ('auth.flashcall.result',    'authorization', 'Flash call finished',    'A flash call finished; the code is in the caller''s number', 1),
  ('auth.passwordcall.result', 'authorization', 'Password call finished', 'A password call finished; the code was read out by voice', 2),
  ('sms.incoming', 'sms', 'Incoming SMS',       'An SMS arrived on a number', 1),
  ('sms.status',   'sms', 'SMS status changed', 'The delivery status of a sent SMS changed', 2),
  ('calltracking.call.start', 'calltracking', 'Tracked call started', 'A call to a tracking number started', 1),
  ('calltracking.call.end',   'calltracking', 'Tracked call ended',   'A call to a tracking number ended', 2),
  ('robot.call.completed', 'robot', 'Voice robot call completed', 'A voice robot finished a call', 1);

-- Each parameter is defined once here and then attached to the types that carry it; a type may
-- override the description or example (status, for one, has different values per type).
CREATE TEMPORARY TABLE seed_parameter (
  name           VARCHAR(64)   NOT NULL PRIMARY KEY,
  type           VARCHAR(16)   NOT NULL,
  description    VARCHAR(500)  NOT NULL,
  example_value  VARCHAR(1000) NOT NULL
);

INSERT INTO seed_parameter (name, type, description, example_value) VALUES
  ('eventId',       'STRING',  'Unique id of the event; the same on every resend', 'evt_7f3a9c2e41'),
  ('eventType',     'STRING',  'Event type code', 'call.incoming.start'),
  ('accountId',     'STRING',  'Account the event belongs to', 'acc-42'),
  ('timestamp',     'INTEGER', 'When the event happened, in unix seconds', '1764324930'),
  ('occurredAt',    'STRING',  'When the event happened, ISO-8601 in UTC', '2025-11-28T10:15:30Z'),
  ('callId',        'STRING',  'Id of this call leg', '1764324930.1842'),
  ('linkedId',      'STRING',  'Id shared by all legs of the same call', '1764324930.1840'),
  ('did',           'STRING',  'The account''s number that was called (DID)', '74951234567'),
  ('callerNumber',  'STRING',  'Number of the caller', '79161234567'),
  ('callerName',    'STRING',  'Name of the caller from caller ID, empty if unknown', 'Ivan Petrov'),
  ('calledNumber',  'STRING',  'Number that was dialled', '74951234567'),
  ('answeredBy',    'STRING',  'Extension or number that answered', '101'),
  ('waitSeconds',   'INTEGER', 'Seconds the caller waited before the answer', '12'),
  ('duration',      'INTEGER', 'Length of the call in seconds, from start to hangup', '95'),
  ('billsec',       'INTEGER', 'Seconds from the answer to the hangup', '83'),
  ('status',        'STRING',  'How the call ended: answered, busy, no_answer, failed or cancelled', 'answered'),
  ('hangupCause',   'STRING',  'Hangup cause reported by the switch', 'NORMAL_CLEARING'),
  ('recordingUrl',  'STRING',  'Link to the call recording, empty if the call was not recorded', 'https://records.kompaas.example/r/1764324930.1842.mp3'),
  ('internalNumber','STRING',  'Internal extension that placed the call', '101'),
  ('fromExtension', 'STRING',  'Extension that transferred the call', '101'),
  ('toExtension',   'STRING',  'Extension the call was transferred to', '102'),
  ('transferType',  'STRING',  'Kind of transfer: blind or attended', 'blind'),
  ('vpbxId',        'STRING',  'Id of the virtual PBX', 'vpbx-1001'),
  ('ivrSchemaId',   'STRING',  'Id of the IVR scheme that took the call', 'ivr-7'),
  ('exten',         'STRING',  'Number or extension dialled inside the PBX', '74951234567'),
  ('channel',       'STRING',  'Channel name of the call leg', 'SIP/trunk-00000a1f'),
  ('channelState',  'INTEGER', 'Channel state code (AMI)', '4'),
  ('channelStateDesc', 'STRING', 'Channel state in words (AMI)', 'Ring'),
  ('callerIdNum',   'STRING',  'Caller ID number', '79161234567'),
  ('callerIdName',  'STRING',  'Caller ID name, empty if unknown', 'Ivan Petrov'),
  ('context',       'STRING',  'Dialplan context the call entered', 'from-trunk'),
  ('uniqueId',      'STRING',  'Unique id of the channel (AMI)', '1764324930.1842'),
  ('priority',      'INTEGER', 'Dialplan priority', '1'),
  ('transcribationLanguage', 'STRING', 'Language the call was transcribed in, empty if it was not', 'ru-RU'),
  ('connectedLineNum',  'STRING',  'Number of the connected party', '79161234567'),
  ('connectedLineName', 'STRING',  'Name of the connected party, empty if unknown', 'Ivan Petrov'),
  ('isRedirect',    'BOOLEAN', 'Whether the call was redirected', 'false'),
  ('originateData', 'OBJECT',  'Data passed when the call was started through the API', '{"crmDealId":"D-1024"}'),
  ('queue',         'STRING',  'Queue the call waited in', 'sales'),
  ('verificationCallUuid', 'STRING', 'Id of the verification call, as returned by the API', '5b0e7c8e-2f6a-4b7e-9d1e-3c2a1f0b9a77'),
  ('phoneNumber',   'STRING',  'Number that was verified', '79161234567'),
  ('loginDid',      'STRING',  'Number the flash call came from; its last digits are the code', '74951230417'),
  ('cost',          'NUMBER',  'Price of the call in the account currency', '0.35'),
  ('code',          'STRING',  'Code that was read out', '4821'),
  ('messageId',     'STRING',  'Id of the message', 'msg-88412'),
  ('from',          'STRING',  'Number of the sender', '79161234567'),
  ('to',            'STRING',  'Number of the recipient', '74951234567'),
  ('text',          'STRING',  'Text of the message', 'Please call me back'),
  ('parts',         'INTEGER', 'Number of SMS segments', '1'),
  ('errorCode',     'STRING',  'Operator error code, empty unless delivery failed', ''),
  ('trackingNumber','STRING',  'Tracking number that was called', '74951110022'),
  ('source',        'STRING',  'Traffic source the tracking number was shown for', 'google'),
  ('utmSource',     'STRING',  'utm_source of the visit', 'google'),
  ('utmMedium',     'STRING',  'utm_medium of the visit', 'cpc'),
  ('utmCampaign',   'STRING',  'utm_campaign of the visit', 'spring_sale'),
  ('landingPage',   'STRING',  'Page the visitor landed on', 'https://shop.example.com/offer?utm_source=google'),
  ('visitorIp',     'STRING',  'IP address of the visitor', '203.0.113.7'),
  ('campaignId',    'STRING',  'Id of the robot campaign', 'camp-310'),
  ('attemptId',     'STRING',  'Id of this call attempt', 'att-99120'),
  ('connectivityStatus', 'STRING', 'Whether the call connected: connected, busy, no_answer or failed', 'connected'),
  ('completionStatus',   'STRING', 'How far the script got: completed, partial or failed', 'completed'),
  ('transcript',    'STRING',  'Transcript of the conversation', 'Robot: Hello! Are you interested? Client: Yes'),
  ('dtmf',          'STRING',  'Digits the callee pressed', '1'),
  ('variables',     'OBJECT',  'Variables the robot collected during the call', '{"name":"Ivan","agreed":true}');

CREATE TEMPORARY TABLE seed_usage (
  event_type_code  VARCHAR(128)  NOT NULL,
  position         INT           NOT NULL,
  name             VARCHAR(64)   NOT NULL,
  description      VARCHAR(500)  NULL,
  example_value    VARCHAR(1000) NULL
);

-- Common parameters on every event; callId and linkedId wherever a call is involved.
INSERT INTO seed_usage (event_type_code, position, name, description, example_value)
  SELECT code, 1, 'eventId', NULL, NULL FROM event_type
  UNION ALL SELECT code, 2, 'eventType', NULL, code FROM event_type
  UNION ALL SELECT code, 3, 'accountId', NULL, NULL FROM event_type
  UNION ALL SELECT code, 4, 'timestamp', NULL, NULL FROM event_type
  UNION ALL SELECT code, 5, 'occurredAt', NULL, NULL FROM event_type
  UNION ALL SELECT code, 6, 'callId', NULL, NULL FROM event_type WHERE group_code <> 'sms'
  UNION ALL SELECT code, 7, 'linkedId', NULL, NULL FROM event_type WHERE group_code <> 'sms';

INSERT INTO seed_usage (event_type_code, position, name, description, example_value) VALUES
  ('call.incoming.start', 10, 'did', NULL, NULL),
  ('call.incoming.start', 11, 'callerNumber', NULL, NULL),
  ('call.incoming.start', 12, 'callerName', NULL, NULL),
  ('call.incoming.start', 13, 'calledNumber', NULL, NULL),

  ('call.incoming.answer', 10, 'did', NULL, NULL),
  ('call.incoming.answer', 11, 'callerNumber', NULL, NULL),
  ('call.incoming.answer', 12, 'answeredBy', NULL, NULL),
  ('call.incoming.answer', 13, 'waitSeconds', NULL, NULL),

  ('call.incoming.end', 10, 'did', NULL, NULL),
  ('call.incoming.end', 11, 'callerNumber', NULL, NULL),
  ('call.incoming.end', 12, 'duration', NULL, NULL),
  ('call.incoming.end', 13, 'billsec', NULL, NULL),
  ('call.incoming.end', 14, 'status', NULL, NULL),
  ('call.incoming.end', 15, 'hangupCause', NULL, NULL),
  ('call.incoming.end', 16, 'recordingUrl', NULL, NULL),

  ('call.outgoing.start', 10, 'callerNumber', 'Number shown to the called party', '74951234567'),
  ('call.outgoing.start', 11, 'calledNumber', NULL, '79161234567'),
  ('call.outgoing.start', 12, 'internalNumber', NULL, NULL),

  ('call.outgoing.answer', 10, 'calledNumber', NULL, '79161234567'),
  ('call.outgoing.answer', 11, 'waitSeconds', 'Seconds until the called party answered', NULL),

  ('call.outgoing.end', 10, 'calledNumber', NULL, '79161234567'),
  ('call.outgoing.end', 11, 'duration', NULL, NULL),
  ('call.outgoing.end', 12, 'billsec', NULL, NULL),
  ('call.outgoing.end', 13, 'status', NULL, NULL),
  ('call.outgoing.end', 14, 'hangupCause', NULL, NULL),
  ('call.outgoing.end', 15, 'recordingUrl', NULL, NULL),

  ('call.transfer', 10, 'fromExtension', NULL, NULL),
  ('call.transfer', 11, 'toExtension', NULL, NULL),
  ('call.transfer', 12, 'transferType', NULL, NULL),

  ('vpbx.call.inbound.start', 10, 'vpbxId', NULL, NULL),
  ('vpbx.call.inbound.start', 11, 'ivrSchemaId', NULL, NULL),
  ('vpbx.call.inbound.start', 12, 'exten', NULL, NULL),
  ('vpbx.call.inbound.start', 13, 'channel', NULL, NULL),
  ('vpbx.call.inbound.start', 14, 'channelState', NULL, NULL),
  ('vpbx.call.inbound.start', 15, 'channelStateDesc', NULL, NULL),
  ('vpbx.call.inbound.start', 16, 'callerIdNum', NULL, NULL),
  ('vpbx.call.inbound.start', 17, 'callerIdName', NULL, NULL),
  ('vpbx.call.inbound.start', 18, 'context', NULL, NULL),
  ('vpbx.call.inbound.start', 19, 'uniqueId', NULL, NULL),
  ('vpbx.call.inbound.start', 20, 'priority', NULL, NULL),

  ('vpbx.call.inbound.end', 10, 'vpbxId', NULL, NULL),
  ('vpbx.call.inbound.end', 11, 'exten', NULL, NULL),
  ('vpbx.call.inbound.end', 12, 'duration', NULL, NULL),
  ('vpbx.call.inbound.end', 13, 'transcribationLanguage', NULL, NULL),
  ('vpbx.call.inbound.end', 14, 'status', NULL, NULL),

  ('vpbx.call.outbound.start', 10, 'vpbxId', NULL, NULL),
  ('vpbx.call.outbound.start', 11, 'internalNumber', NULL, NULL),
  ('vpbx.call.outbound.start', 12, 'calledNumber', NULL, '79161234567'),
  ('vpbx.call.outbound.start', 13, 'connectedLineNum', NULL, NULL),
  ('vpbx.call.outbound.start', 14, 'connectedLineName', NULL, NULL),
  ('vpbx.call.outbound.start', 15, 'isRedirect', NULL, NULL),
  ('vpbx.call.outbound.start', 16, 'originateData', NULL, NULL),

  ('vpbx.call.outbound.end', 10, 'vpbxId', NULL, NULL),
  ('vpbx.call.outbound.end', 11, 'internalNumber', NULL, NULL),
  ('vpbx.call.outbound.end', 12, 'calledNumber', NULL, '79161234567'),
  ('vpbx.call.outbound.end', 13, 'connectedLineNum', NULL, NULL),
  ('vpbx.call.outbound.end', 14, 'connectedLineName', NULL, NULL),
  ('vpbx.call.outbound.end', 15, 'isRedirect', NULL, NULL),
  ('vpbx.call.outbound.end', 16, 'originateData', NULL, NULL),
  ('vpbx.call.outbound.end', 17, 'duration', NULL, NULL),
  ('vpbx.call.outbound.end', 18, 'status', NULL, NULL),

  ('vpbx.call.missed', 10, 'vpbxId', NULL, NULL),
  ('vpbx.call.missed', 11, 'exten', NULL, NULL),
  ('vpbx.call.missed', 12, 'callerNumber', NULL, NULL),
  ('vpbx.call.missed', 13, 'queue', NULL, NULL),
  ('vpbx.call.missed', 14, 'waitSeconds', 'Seconds the caller waited before hanging up', '48'),

  ('auth.flashcall.result', 10, 'verificationCallUuid', NULL, NULL),
  ('auth.flashcall.result', 11, 'phoneNumber', NULL, NULL),
  ('auth.flashcall.result', 12, 'loginDid', NULL, NULL),
  ('auth.flashcall.result', 13, 'status', 'How the call ended: ringing, answered, busy, failed or timeout', 'busy'),
  ('auth.flashcall.result', 14, 'cost', NULL, NULL),

  ('auth.passwordcall.result', 10, 'verificationCallUuid', NULL, NULL),
  ('auth.passwordcall.result', 11, 'phoneNumber', NULL, NULL),
  ('auth.passwordcall.result', 12, 'code', NULL, NULL),
  ('auth.passwordcall.result', 13, 'status', 'How the call ended: ringing, answered, busy, failed or timeout', 'answered'),
  ('auth.passwordcall.result', 14, 'duration', NULL, '18'),
  ('auth.passwordcall.result', 15, 'cost', NULL, NULL),

  ('sms.incoming', 10, 'messageId', NULL, NULL),
  ('sms.incoming', 11, 'from', NULL, NULL),
  ('sms.incoming', 12, 'to', 'The account''s number the SMS arrived on', NULL),
  ('sms.incoming', 13, 'text', NULL, NULL),
  ('sms.incoming', 14, 'parts', NULL, NULL),

  ('sms.status', 10, 'messageId', NULL, NULL),
  ('sms.status', 11, 'to', NULL, '79161234567'),
  ('sms.status', 12, 'status', 'Delivery status: queued, sent, delivered, failed or expired', 'delivered'),
  ('sms.status', 13, 'errorCode', NULL, NULL),

  ('calltracking.call.start', 10, 'trackingNumber', NULL, NULL),
  ('calltracking.call.start', 11, 'callerNumber', NULL, NULL),
  ('calltracking.call.start', 12, 'source', NULL, NULL),
  ('calltracking.call.start', 13, 'utmSource', NULL, NULL),
  ('calltracking.call.start', 14, 'utmMedium', NULL, NULL),
  ('calltracking.call.start', 15, 'utmCampaign', NULL, NULL),
  ('calltracking.call.start', 16, 'landingPage', NULL, NULL),
  ('calltracking.call.start', 17, 'visitorIp', NULL, NULL),

  ('calltracking.call.end', 10, 'trackingNumber', NULL, NULL),
  ('calltracking.call.end', 11, 'callerNumber', NULL, NULL),
  ('calltracking.call.end', 12, 'source', NULL, NULL),
  ('calltracking.call.end', 13, 'utmSource', NULL, NULL),
  ('calltracking.call.end', 14, 'utmMedium', NULL, NULL),
  ('calltracking.call.end', 15, 'utmCampaign', NULL, NULL),
  ('calltracking.call.end', 16, 'landingPage', NULL, NULL),
  ('calltracking.call.end', 17, 'visitorIp', NULL, NULL),
  ('calltracking.call.end', 18, 'duration', NULL, NULL),
  ('calltracking.call.end', 19, 'status', NULL, NULL),

  ('robot.call.completed', 10, 'campaignId', NULL, NULL),
  ('robot.call.completed', 11, 'attemptId', NULL, NULL),
  ('robot.call.completed', 12, 'calledNumber', NULL, '79161234567'),
  ('robot.call.completed', 13, 'connectivityStatus', NULL, NULL),
  ('robot.call.completed', 14, 'completionStatus', NULL, NULL),
  ('robot.call.completed', 15, 'duration', NULL, '64'),
  ('robot.call.completed', 16, 'transcript', NULL, NULL),
  ('robot.call.completed', 17, 'dtmf', NULL, NULL),
  ('robot.call.completed', 18, 'variables', NULL, NULL);

INSERT INTO event_parameter (event_type_code, position, name, type, description, example_value)
  SELECT u.event_type_code, u.position, p.name, p.type,
         COALESCE(u.description, p.description), COALESCE(u.example_value, p.example_value)
  FROM seed_usage u JOIN seed_parameter p ON p.name = u.name;

DROP TEMPORARY TABLE seed_usage;
DROP TEMPORARY TABLE seed_parameter;
