package dev.agenttrail.webapp.interfaces.web;

import java.io.Serializable;

/**
 * The data of one node of the catalog tree.
 *
 * @param ref the entry's reference; null for a framework node
 * @param key the framework version ({@code FRAMEWORK@VERSION})
 * @param label the entry's title, or the start of its text
 */
public record TreeItem(String ref, String key, String id, String label, String kind, boolean leaf) implements Serializable {}
