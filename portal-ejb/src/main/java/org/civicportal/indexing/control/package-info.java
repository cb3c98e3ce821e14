/** Keeps the Lucene index in step with the database through the transactional outbox. */
package org.civicportal.indexing.control;
