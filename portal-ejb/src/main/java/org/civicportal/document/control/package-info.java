/** How staff documents appear in the search index, each under its own label. */
package org.civicportal.document.control;
