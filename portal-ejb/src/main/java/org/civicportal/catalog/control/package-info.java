/** Catalogue logic that boundaries share: how services appear in the search index. */
package org.civicportal.catalog.control;
