/** The requests API for the portal's own pages and apps. */
package org.civicportal.request.api;
