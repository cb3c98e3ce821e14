package org.civicportal.identity.web;

import java.util.List;

/**
 * What a feature adds to the staff menu: an application-scoped bean in the feature's {@code web}
 * package implements this, and {@link StaffMenu} finds it. The menu names no feature.
 */
public interface StaffMenuContribution {
  List<StaffMenuItem> items();
}
