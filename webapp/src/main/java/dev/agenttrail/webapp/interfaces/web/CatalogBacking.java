package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.Catalog;
import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.FrameworkEntry;
import dev.agenttrail.webapp.application.CatalogService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.primefaces.event.NodeSelectEvent;
import org.primefaces.model.TreeNode;

/** {@code catalog.xhtml}: the framework tree, one entry's detail, and the search box. */
@Named
@ViewScoped
public class CatalogBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  CatalogService catalogs;

  /** The catalog as the database had it when this view, or its last action, read it. */
  private transient Catalog catalog;

  private TreeNode<TreeItem> root;
  private TreeNode<TreeItem> selectedNode;
  private String entry;
  private String query;
  private EntryDetail detail;
  private SearchOutcome outcome;

  @PostConstruct
  void init() {
    reload();
  }

  /** Reads the current catalog (built-in and custom frameworks) and rebuilds the tree from it. */
  public void reload() {
    catalog = catalogs.current().catalog();
    root = CatalogTree.root(catalog);
  }

  /** The current catalog, for an action: a framework uploaded since the view opened is found. */
  private Catalog fresh() {
    catalog = catalogs.current().catalog();
    return catalog;
  }

  /** The view action: opens the entry named by {@code ?entry=} or searches {@code ?q=}. */
  public void open() {
    if (query != null && !query.isBlank()) {
      search();
    } else if (entry != null && !entry.isBlank()) {
      Optional<FrameworkEntry> found = parse(entry).flatMap(catalog::findEntry);
      found.ifPresent(this::show);
      if (found.isEmpty()) {
        outcome = new SearchOutcome("error", Texts.forView().format("entry.unknown", entry), null, List.of());
      }
    }
  }

  public void search() {
    SearchBox.Answer answer = SearchBox.resolve(fresh(), query, Texts.forView());
    outcome = answer.outcome();
    answer.entry().ifPresent(this::show);
  }

  public void onSelect(NodeSelectEvent event) {
    TreeItem item = (TreeItem) event.getTreeNode().getData();
    outcome = null;
    parse(item.ref()).flatMap(fresh()::findEntry).ifPresent(this::show);
  }

  private void show(FrameworkEntry found) {
    detail = EntryDetails.of(catalog, found);
    entry = detail.ref();
  }

  private static Optional<EntryRef> parse(String ref) {
    try {
      return ref == null ? Optional.empty() : Optional.of(EntryRef.parse(ref));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public TreeNode<TreeItem> getRoot() {
    return root;
  }

  public TreeNode<TreeItem> getSelectedNode() {
    return selectedNode;
  }

  public void setSelectedNode(TreeNode<TreeItem> selectedNode) {
    this.selectedNode = selectedNode;
  }

  public String getEntry() {
    return entry;
  }

  public void setEntry(String entry) {
    this.entry = entry;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public EntryDetail getDetail() {
    return detail;
  }

  public SearchOutcome getOutcome() {
    return outcome;
  }
}
