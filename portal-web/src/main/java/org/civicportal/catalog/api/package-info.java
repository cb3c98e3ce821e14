/** The public services API. */
package org.civicportal.catalog.api;
