/** MicroProfile Health checks served by Payara at {@code /health}. */
package dev.agenttrail.webapp.infrastructure.health;
