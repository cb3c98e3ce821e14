/** Intranet pages for staff documents. */
package org.civicportal.document.web;
