/**
 * OTLP/HTTP trace intake: the endpoint OpenTelemetry exporters post to (under {@code /api/v1} and at
 * the exporters' default {@code /v1/traces}), both OTLP encodings (protobuf and JSON) and the replies
 * the OTLP specification asks for. The GenAI mapping itself lives in {@code domain.intake}.
 */
package dev.agenttrail.webapp.interfaces.otlp;
