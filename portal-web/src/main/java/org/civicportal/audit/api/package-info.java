/** The audit log API for auditors. */
package org.civicportal.audit.api;
