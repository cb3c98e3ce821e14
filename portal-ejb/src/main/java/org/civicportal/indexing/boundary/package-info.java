/** The search boundary: queries over the index, with every hit checked against the database. */
package org.civicportal.indexing.boundary;
