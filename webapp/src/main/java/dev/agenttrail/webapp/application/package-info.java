/**
 * Application services: the transaction boundaries of AgentTrail's use cases (ingest, sources and
 * keys, users and tokens, the framework catalog and its custom uploads). Each is a CDI bean that
 * REST resources and JSF backing beans call.
 */
package dev.agenttrail.webapp.application;
