/** The citizen search page. */
package org.civicportal.indexing.web;
