/** Staff documents: the first classified content, each carrying its label. */
package org.civicportal.document.entity;
