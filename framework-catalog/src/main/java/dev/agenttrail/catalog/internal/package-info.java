/**
 * How catalog files become a {@link dev.agenttrail.catalog.api.Catalog}: reading the index and the
 * versioned JSON files from the classpath (no classpath scanning), parsing them with Jakarta
 * JSON-P, checking every rule of the file format and collecting every problem with its file, JSON
 * Pointer and line, and resolving mapping ends against the frameworks. Not an API: only {@link
 * dev.agenttrail.catalog.internal.CatalogReader} is public, for {@code CatalogLoader} and {@code
 * CatalogValidator} to call; everything else is package-private.
 */
package dev.agenttrail.catalog.internal;
