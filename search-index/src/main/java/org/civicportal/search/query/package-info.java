/**
 * Turns what a citizen types into a Lucene query over the text fields of the requested languages:
 * the operators offered, the field boosts, and the guarantee that no text makes parsing fail.
 */
package org.civicportal.search.query;
