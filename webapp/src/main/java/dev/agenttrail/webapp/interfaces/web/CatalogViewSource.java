package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.CatalogLoader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The built-in framework catalog for the dashboard's pages, loaded once. It is immutable, so every
 * request may read it.
 */
@ApplicationScoped
public class CatalogViewSource {

  private Catalog catalog;

  @PostConstruct
  void load() {
    catalog = CatalogLoader.loadBuiltIn();
  }

  public Catalog catalog() {
    return catalog;
  }
}
