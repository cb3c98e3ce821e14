/** The audit boundary: auditors browse a tenant's audit log and verify its hash chain. */
package org.civicportal.audit.boundary;
