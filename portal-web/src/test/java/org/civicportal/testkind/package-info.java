/**
 * A kind of labelled record that exists only in tests: short labelled notes kept in memory. It
 * proves the record seam (issue 15): registered as one CDI bean in this one package, it is indexed,
 * found, counted, synced, revoked and audited with no change anywhere else.
 */
package org.civicportal.testkind;
