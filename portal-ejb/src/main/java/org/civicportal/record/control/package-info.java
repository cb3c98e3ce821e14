/**
 * The labelled-record seam: each kind of record (services, staff documents, service requests, and
 * every later one) describes itself once, in its own feature, as a {@link
 * org.civicportal.record.control.RecordKind}; search, the index's outbox, the sync feed and push,
 * and the audit of what a page showed iterate over the registered kinds and name none.
 */
package org.civicportal.record.control;
