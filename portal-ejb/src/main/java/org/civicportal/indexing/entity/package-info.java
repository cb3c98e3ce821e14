/** The search outbox: changes waiting to be applied to the Lucene index. */
package org.civicportal.indexing.entity;
