/** The employees API for tenant admins. */
package org.civicportal.identity.api;
