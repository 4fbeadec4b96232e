package dev.agenttrail.webapp.it;

import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built war on Payara Micro with the embedded H2 database: every contract test, over HTTP.
 * One deployment for them all, because each deployment boots a Payara JVM.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentTrailIT implements IngestionContract, LedgerContract, AdministrationContract, OpaIntakeContract,
    OtlpIntakeContract, CloudEventsIntakeContract, OperationsContract, DashboardContract, CatalogContract, DetectionContract,
    EvidencePackContract, EscalationContract, ServerTimingContract {

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("agenttrail.war")));
  }

  @Override
  public Api api() {
    return Api.ofDeployedWar(base);
  }

  @Override
  public Connection database() throws Exception {
    return DriverManager.getConnection(System.getProperty("it.h2.url"), "agenttrail", "");
  }
}
