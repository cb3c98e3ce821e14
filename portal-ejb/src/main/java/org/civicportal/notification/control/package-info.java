/** Notifications: templated mails queued in the transaction that causes them, sent after commit. */
package org.civicportal.notification.control;
