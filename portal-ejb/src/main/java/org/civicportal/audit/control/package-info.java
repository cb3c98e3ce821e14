/**
 * Appending to a tenant's audit chain inside the caller's transaction, browsing it, and checking
 * that every entry still holds its hash and its link.
 */
package org.civicportal.audit.control;
