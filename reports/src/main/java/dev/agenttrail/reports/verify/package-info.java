/**
 * The offline evidence-pack verifier: JDK only (no dependency at all), so that it runs from
 * {@code agenttrail.jar} without the server, and an auditor can read all of it. It checks the
 * manifest's signature, every file's SHA-256 and size, and the ledger segment's hash chain.
 */
package dev.agenttrail.reports.verify;
