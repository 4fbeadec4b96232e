package dev.agenttrail.webapp.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrail.catalog.api.CatalogProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadedFrameworkFileTest {

  @Test
  void shouldKeepOnlyThePrintableFileNameWithoutAFolder() {
    assertThat(UploadedFrameworkFile.fileName("C:\\Users\\me\\acme.json")).isEqualTo("acme.json");
    assertThat(UploadedFrameworkFile.fileName("/tmp/acme.json")).isEqualTo("acme.json");
    assertThat(UploadedFrameworkFile.fileName("bad\u0001name.json")).isEqualTo("framework.json");
    assertThat(UploadedFrameworkFile.fileName(null)).isEqualTo("framework.json");
    assertThat(UploadedFrameworkFile.fileName("dir/")).isEqualTo("framework.json");
  }

  @Test
  void shouldReadUtf8AndRefuseAnythingElse() {
    assertThat(UploadedFrameworkFile.text("{\"a\":\"ü\"}".getBytes(StandardCharsets.UTF_8))).hasValue("{\"a\":\"ü\"}");
    assertThat(UploadedFrameworkFile.text(new byte[] {(byte) 0xC3, (byte) 0x28})).isEmpty();
  }

  @Test
  void shouldWriteOneProblemAsOneLine() {
    CatalogProblem problem = new CatalogProblem("broken.json", "/entries/1/id", 6, 12, "duplicate entry id 'B-1'");

    assertThat(FrameworkUploadBacking.line(problem)).isEqualTo("broken.json:6:12 /entries/1/id: duplicate entry id 'B-1'");
  }
}
