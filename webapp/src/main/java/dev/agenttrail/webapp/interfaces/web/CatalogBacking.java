package dev.agenttrail.webapp.interfaces.web;

import dev.agenttrail.catalog.api.EntryRef;
import dev.agenttrail.catalog.api.FrameworkEntry;
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
  CatalogViewSource source;

  private TreeNode<TreeItem> root;
  private TreeNode<TreeItem> selectedNode;
  private String entry;
  private String query;
  private EntryDetail detail;
  private SearchOutcome outcome;

  @PostConstruct
  void init() {
    root = CatalogTree.root(source);
  }

  /** The view action: opens the entry named by {@code ?entry=} or searches {@code ?q=}. */
  public void open() {
    if (query != null && !query.isBlank()) {
      search();
    } else if (entry != null && !entry.isBlank()) {
      Optional<FrameworkEntry> found = parse(entry).flatMap(source.catalog()::findEntry);
      found.ifPresent(this::show);
      if (found.isEmpty()) {
        outcome = new SearchOutcome("error", Texts.forView().format("entry.unknown", entry), null, List.of());
      }
    }
  }

  public void search() {
    SearchBox.Answer answer = SearchBox.resolve(source.catalog(), query, Texts.forView());
    outcome = answer.outcome();
    answer.entry().ifPresent(this::show);
  }

  public void onSelect(NodeSelectEvent event) {
    TreeItem item = (TreeItem) event.getTreeNode().getData();
    outcome = null;
    parse(item.ref()).flatMap(source.catalog()::findEntry).ifPresent(this::show);
  }

  private void show(FrameworkEntry found) {
    detail = EntryDetails.of(source.catalog(), found);
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
