package dev.agenttrail.catalog.api;

/**
 * What a {@link Mapping} starts from: a framework entry, a control of the control library or a
 * failure signal. The string forms are {@code FRAMEWORK@VERSION:ENTRY}, {@code control:CTRL-01} and
 * {@code signal:UNDECLARED_TOOL}.
 */
public sealed interface MappingEnd permits EntryRef, ControlId, SignalId {

  /** The end's string form, as documented on the type. */
  String asString();
}
