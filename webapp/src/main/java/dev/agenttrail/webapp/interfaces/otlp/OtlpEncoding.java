package dev.agenttrail.webapp.interfaces.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.agenttrail.domain.intake.OtlpJsonTraces;
import dev.agenttrail.domain.intake.OtlpSpan;
import dev.agenttrail.domain.shared.JsonSupport;
import dev.agenttrail.webapp.interfaces.rest.Problem;
import dev.agenttrail.webapp.interfaces.rest.ProblemType;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The two OTLP/HTTP encodings: how each reads a request and writes the success and failure replies,
 * always in the encoding of the request, as the specification asks.
 */
enum OtlpEncoding {
  PROTOBUF("application/x-protobuf") {
    @Override
    List<OtlpSpan> decode(byte[] body) {
      try {
        return OtlpProtobuf.decode(body);
      } catch (InvalidProtocolBufferException e) {
        throw new Undecodable("The body is not a protobuf-encoded ExportTraceServiceRequest: " + e.getMessage());
      }
    }

    @Override
    byte[] response(int rejectedSpans, String errorMessage) {
      return OtlpProtobuf.response(rejectedSpans, errorMessage);
    }

    @Override
    byte[] status(int code, String message) {
      return OtlpProtobuf.status(code, message);
    }
  },

  JSON("application/json") {
    @Override
    List<OtlpSpan> decode(byte[] body) {
      try (JsonReader reader = JsonSupport.PROVIDER.createReader(new ByteArrayInputStream(body))) {
        return OtlpJsonTraces.decode(reader.readValue());
      } catch (JsonException e) {
        throw new Undecodable("The body is not an OTLP/JSON ExportTraceServiceRequest: it is not valid JSON.");
      } catch (IllegalArgumentException e) {
        throw new Undecodable("The body is not an OTLP/JSON ExportTraceServiceRequest: " + e.getMessage() + ".");
      }
    }

    @Override
    byte[] response(int rejectedSpans, String errorMessage) {
      JsonObjectBuilder response = JsonSupport.PROVIDER.createObjectBuilder();
      if (rejectedSpans > 0) {
        response.add("partialSuccess", JsonSupport.PROVIDER.createObjectBuilder()
            .add("rejectedSpans", Integer.toString(rejectedSpans)).add("errorMessage", errorMessage));
      }
      return response.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    byte[] status(int code, String message) {
      return JsonSupport.PROVIDER.createObjectBuilder().add("code", code).add("message", message).build().toString()
          .getBytes(StandardCharsets.UTF_8);
    }
  };

  /** {@code google.rpc.Code.INVALID_ARGUMENT}. */
  static final int INVALID_ARGUMENT = 3;

  private final String mediaType;

  OtlpEncoding(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The encoding a request's {@code Content-Type} names; 415 for anything else. */
  static OtlpEncoding of(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    if (type.equals("application/x-protobuf") || type.equals("application/protobuf")) {
      return PROTOBUF;
    }
    if (type.equals("application/json")) {
      return JSON;
    }
    throw new Problem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "OTLP/HTTP takes application/x-protobuf or application/json, not '" + contentType + "'.");
  }

  abstract List<OtlpSpan> decode(byte[] body);

  abstract byte[] response(int rejectedSpans, String errorMessage);

  abstract byte[] status(int code, String message);

  String mediaType() {
    return mediaType;
  }

  /** 400 with a {@code google.rpc.Status}: OTLP clients must not retry it. */
  Response badRequest(String message) {
    return Response.status(400).type(mediaType).entity(status(INVALID_ARGUMENT, message)).build();
  }

  /** A body that is not an ExportTraceServiceRequest in this encoding. */
  static final class Undecodable extends RuntimeException {
    Undecodable(String message) {
      super(message, null, false, false);
    }
  }
}
