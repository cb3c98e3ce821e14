package org.civicportal.indexing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.indexing.boundary.IndexUnavailableException;
import org.civicportal.indexing.boundary.Searches;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.search.SearchQuery;

/**
 * The citizen search page, {@code /search?q=}: results in the visitor's language, or a message
 * saying what to change when the query cannot be run.
 */
@Named
@RequestScoped
public class SearchBacking {
  private static final int PAGE_SIZE = 20;

  @Inject Searches searches;
  @Inject LanguageBacking language;
  @Inject BannerBacking banner;
  @Inject StaffDocuments documents;

  private String q;
  private Searches.Results results;
  private String problem;

  public void search() {
    if (q == null || q.isBlank()) {
      return;
    }
    ResourceBundle messages = ResourceBundle.getBundle("i18n.messages", language.getLocale());
    if (q.length() > SearchQuery.MAX_LENGTH) {
      problem =
          new MessageFormat(messages.getString("search.error.length"), language.getLocale())
              .format(new Object[] {SearchQuery.MAX_LENGTH});
      return;
    }
    try {
      results = searches.search(q, language.getCode(), PAGE_SIZE);
      if (results.hits().stream().anyMatch(h -> h.classification().isPresent())) {
        banner.show(results.classification(), documents.label(results.classification()).level());
      }
    } catch (IndexUnavailableException e) {
      problem = messages.getString("search.error.unavailable");
    }
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public Searches.Results getResults() {
    return results;
  }

  public String getProblem() {
    return problem;
  }
}
