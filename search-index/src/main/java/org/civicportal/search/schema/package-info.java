/**
 * The index schema: every Lucene field name, the commit user-data key for the outbox checkpoint,
 * and the field type shared by the per-language text fields. Nothing outside this package spells a
 * field name.
 */
package org.civicportal.search.schema;
