/** The staff documents API. */
package org.civicportal.document.api;
