package org.civicportal.identity.web;

import java.util.function.Predicate;

/**
 * One entry of the staff menu: a page under {@code /staff/}, the message key of its name, where it
 * goes in the menu (lower first) and who may use it. Features contribute entries through {@link
 * StaffMenuContribution}; the menu shows an entry only to a reader for whom {@code usable} holds.
 */
public final class StaffMenuItem {
  private final int order;
  private final String page;
  private final String label;
  private final Predicate<StaffAccess> usable;

  private StaffMenuItem(int order, String page, String label, Predicate<StaffAccess> usable) {
    if (!page.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("a staff page is named like 'documents', not " + page);
    }
    this.order = order;
    this.page = page;
    this.label = label;
    this.usable = usable;
  }

  /** A page every signed-in employee may use. */
  public static StaffMenuItem forEveryone(int order, String page, String label) {
    return new StaffMenuItem(order, page, label, access -> true);
  }

  /** A page only readers for whom {@code usable} holds may use. */
  public static StaffMenuItem forReaders(
      int order, String page, String label, Predicate<StaffAccess> usable) {
    return new StaffMenuItem(order, page, label, usable);
  }

  public int getOrder() {
    return order;
  }

  /** The page's name under {@code /staff/}, e.g. {@code documents}. */
  public String getPage() {
    return page;
  }

  /** The message key of the page's name in the menu. */
  public String getLabel() {
    return label;
  }

  boolean usableBy(StaffAccess access) {
    return usable.test(access);
  }
}
