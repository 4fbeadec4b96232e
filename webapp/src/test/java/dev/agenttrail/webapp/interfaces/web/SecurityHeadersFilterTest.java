package dev.agenttrail.webapp.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

  @Test
  void shouldGivePrimeFacesTheSamePolicyAsTheFilter() throws Exception {
    String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
    Matcher m = Pattern.compile("<param-name>primefaces.CSP_POLICY</param-name>\\s*<param-value>([^<]*)</param-value>").matcher(webXml);

    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo(SecurityHeadersFilter.POLICY);
    assertThat(SecurityHeadersFilter.POLICY).endsWith("script-src 'self'").contains("frame-ancestors 'none'");
  }

  @Test
  void shouldExplainAnErrorWithoutItsDetails() {
    assertThat(ErrorBacking.reason(404, null)).isEqualTo("notFound");
    assertThat(ErrorBacking.reason(403, null)).isEqualTo("forbidden");
    assertThat(ErrorBacking.reason(500, new IllegalStateException(new jakarta.faces.application.ViewExpiredException("x", "/catalog.xhtml"))))
        .isEqualTo("expired");
    assertThat(ErrorBacking.reason(500, new IllegalStateException("secret detail"))).isEqualTo("failed");
  }
}
