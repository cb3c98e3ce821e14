package org.civicportal.document.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicportal.identity.web.StaffMenuContribution;
import org.civicportal.identity.web.StaffMenuItem;

/** The documents' pages in the staff menu: every employee may use them. */
@ApplicationScoped
public class DocumentsMenu implements StaffMenuContribution {
  @Override
  public List<StaffMenuItem> items() {
    return List.of(
        StaffMenuItem.forEveryone(10, "documents", "staff.documents"),
        StaffMenuItem.forEveryone(20, "new-document", "staff.newDocument"));
  }
}
