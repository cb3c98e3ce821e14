/** The tenants boundary: which government a request is for, and each government's settings. */
package org.civicportal.tenant.boundary;
