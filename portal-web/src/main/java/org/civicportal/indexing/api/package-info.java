/** The search API. */
package org.civicportal.indexing.api;
