/**
 * Coverage of framework entries by the runtime controls over a period: each entry is evidenced
 * (a mapped control has events showing it working and nothing fails), failing (an open or
 * acknowledged incident maps to it) or not evidenced. Never "compliant". Pure computation, shared
 * by evidence packs and the dashboard.
 */
package dev.agenttrail.domain.coverage;
