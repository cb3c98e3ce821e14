/**
 * The portal's full-text search as plain Java: {@link org.civicportal.search.SearchIndex} owns a
 * Lucene index in one directory, takes documents and deletions from the portal's outbox together
 * with the outbox position they bring it up to, and answers citizens' queries with an exact total,
 * titles and HTML-safe highlighted snippets. No container, no persistence layer, no {@code
 * jakarta.*}.
 */
package org.civicportal.search;
