/** Failures every boundary shares, which the web layer turns into pages and RFC 9457 problems. */
package org.civicportal.problem.boundary;
