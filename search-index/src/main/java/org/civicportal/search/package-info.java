/**
 * The portal's full-text search as plain Java: {@link org.civicportal.search.SearchIndex} owns a
 * Lucene index in one directory, takes documents and deletions from the portal's outbox together
 * with the outbox position they bring it up to, and answers an audience's queries with an exact
 * total, titles, HTML-safe highlighted snippets, facets, drill-down filters, cursor pages,
 * completions and corrections, none of which depends on a document the audience may not see. No
 * container, no persistence layer, no {@code jakarta.*}.
 */
package org.civicportal.search;
