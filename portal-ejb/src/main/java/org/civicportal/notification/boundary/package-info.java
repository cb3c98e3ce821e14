/** What tenant admins change about notifications: the wording of mails. */
package org.civicportal.notification.boundary;
