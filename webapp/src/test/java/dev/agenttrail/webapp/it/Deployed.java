package dev.agenttrail.webapp.it;

import java.sql.Connection;

/** What every contract test needs from the class that deploys AgentTrail: its API and its database. */
interface Deployed {

  Api api();

  /** A direct connection to the database behind the deployment, to act behind AgentTrail's back. */
  Connection database() throws Exception;
}
