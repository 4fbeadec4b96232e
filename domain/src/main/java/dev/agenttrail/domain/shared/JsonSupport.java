package dev.agenttrail.domain.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static methods look the
 * provider up again on every call, which in an application server means a class-path scan per
 * builder: on the ingest path that cost more than everything else together. Use this instead.
 */
public final class JsonSupport {

  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonSupport() {}
}
