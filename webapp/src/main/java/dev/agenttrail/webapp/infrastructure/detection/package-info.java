/**
 * Detection's persistence, in plain JDBC like the ledger: the cursor that follows the ledger, the
 * detectors' state documents with a node-local cache, incidents and their reconciliation, blocks and
 * control evidence, and the directory detection looks things up in.
 */
package dev.agenttrail.webapp.infrastructure.detection;
