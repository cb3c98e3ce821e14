/** Tenant admins word the portal's mails. */
package org.civicportal.notification.api;
