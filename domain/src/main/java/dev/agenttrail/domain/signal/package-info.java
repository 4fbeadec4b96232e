/**
 * Runtime-control failure signals (SIGNALS.md): detectors that read the ledger's events in order,
 * keep the little state they need behind {@link dev.agenttrail.domain.signal.DetectionState}, and
 * report {@link dev.agenttrail.domain.signal.Firing}s. Pure domain logic: the worker that feeds them
 * from the ledger and turns firings into incidents is issue #5's next step (docs/adr/0003).
 */
package dev.agenttrail.domain.signal;
