package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.Framework;
import dev.agenttrail.catalog.api.FrameworkEntry;
import java.util.List;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.LazyDefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The catalog page's tree: one top node per framework version, its entries below in publication
 * order. Children are looked up when a node is first expanded, so the page starts small.
 */
final class CatalogTree {

  static final String FRAMEWORK = "framework";
  static final String ENTRY = "entry";

  private CatalogTree() {}

  static TreeNode<TreeItem> root(Catalog catalog) {
    TreeNode<TreeItem> root = new DefaultTreeNode<>(new TreeItem(null, "", "", "", "root", false), null);
    for (Framework framework : catalog.frameworks()) {
      TreeItem item = new TreeItem(null, framework.info().key(), framework.id(), framework.info().title(), FRAMEWORK, false);
      LazyDefaultTreeNode<TreeItem> node = new LazyDefaultTreeNode<>(item, i -> children(catalog, i), TreeItem::leaf);
      node.setType(FRAMEWORK);
      node.setSelectable(false);
      root.getChildren().add(node);
    }
    return root;
  }

  static List<TreeItem> children(Catalog catalog, TreeItem parent) {
    if (parent.ref() == null) {
      int at = parent.key().indexOf('@');
      return catalog.findFramework(parent.key().substring(0, at), parent.key().substring(at + 1))
          .map(f -> f.roots().stream().map(e -> item(catalog, e)).toList())
          .orElse(List.of());
    }
    return catalog.children(EntryRef.parse(parent.ref())).stream().map(e -> item(catalog, e)).toList();
  }

  private static TreeItem item(Catalog catalog, FrameworkEntry entry) {
    boolean leaf = catalog.children(entry.ref()).isEmpty();
    return new TreeItem(entry.ref().asString(), entry.ref().frameworkId() + "@" + entry.ref().version(), entry.id(),
        EntryLink.shorten(entry.label()), entry.kind(), leaf);
  }
}
