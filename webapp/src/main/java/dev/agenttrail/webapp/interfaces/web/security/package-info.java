/**
 * How a person signs in to the dashboard: Jakarta Security's custom form mechanism (the page is
 * {@code /login.xhtml}; the session remembers the caller) and an identity store over AgentTrail's
 * users table whose groups are the user's roles. The REST API does not use any of it: it
 * authenticates bearer tokens in {@code interfaces.rest}.
 */
package dev.agenttrail.webapp.interfaces.web.security;
