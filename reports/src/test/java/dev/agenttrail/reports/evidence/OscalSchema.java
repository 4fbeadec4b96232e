package dev.agenttrail.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * NIST's official OSCAL 1.1.2 assessment-results JSON schema, as shipped in liboscal-java under {@code
 * schema/json/}, and a draft-07 validator for it with format assertions switched on.
 */
final class OscalSchema {

  static final String RESOURCE = "schema/json/oscal-ar_schema.json";

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonSchema schema;

  OscalSchema() {
    try (InputStream in = OscalSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath (liboscal-java)");
      }
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's {@code $id}, which names the OSCAL version it describes. */
  String id() {
    return schema.getSchemaNode().get("$id").asText();
  }

  /** Every violation of the schema, as text; empty for a valid document. */
  List<String> violations(String json) {
    try {
      JsonNode document = mapper.readTree(json);
      return schema.validate(document).stream()
          .map(ValidationMessage::getMessage)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
