/**
 * Custom framework files: the framework files users upload to extend the built-in catalog, kept
 * as sent (with their SHA-256) in an append-only table. A new version of a custom framework is a
 * new row beside the old one, never an update of it. The catalog itself (parsing, validation,
 * resolution) is the {@code framework-catalog} module's; this package only stores the files.
 */
package dev.agenttrail.domain.catalog;
