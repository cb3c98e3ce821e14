/**
 * The staff documents boundary: classified documents, read and written through the clearance
 * policy.
 */
package org.civicportal.document.boundary;
