/**
 * The browser dashboard: Faces backing beans (view-scoped, small, calling application services
 * and the in-memory framework catalog only), the view models they hand to the pages, the signed-in
 * user, and the filters that put security headers and the Server-Timing figure on every response.
 * The pages are under {@code src/main/webapp}; their texts are in {@code texts.properties} beside
 * these classes.
 */
package dev.agenttrail.webapp.interfaces.web;
