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
 * The same ingestion and ledger contract on PostgreSQL (a fresh schema per build). Skipped with a
 * message when no PostgreSQL answers locally; in CI ({@code CI=true}) a missing server fails.
 */
@ExtendWith({PostgresAvailable.class, ArquillianExtension.class})
@RunAsClient
class AgentTrailPostgresIT implements IngestionContract, LedgerContract, AdministrationContract, OpaIntakeContract,
    OtlpIntakeContract, CloudEventsIntakeContract, CustomFrameworkContract, DetectionContract,
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
    return DriverManager.getConnection(System.getProperty("it.pg.schemaUrl"), System.getProperty("it.pg.user"),
        System.getProperty("it.pg.password"));
  }
}
