/**
 * The public face of the framework catalog: immutable, versioned frameworks (NIST AI RMF 1.0, OWASP
 * Top 10 for Agentic Applications 2026, the OWASP agentic threat taxonomy, CSA MAESTRO) with their
 * entries, the published crosswalks and the product's own mappings, the runtime-control library and
 * the failure signals, identifier resolution with aliases and confidence, validation of
 * user-supplied framework files, and OSCAL 1.1.2 export. Load the built-in catalog with {@link
 * dev.agenttrail.catalog.api.CatalogLoader#loadBuiltIn()}; everything it returns is immutable, and
 * a new framework version is always a new object beside the old one.
 */
package dev.agenttrail.catalog.api;
