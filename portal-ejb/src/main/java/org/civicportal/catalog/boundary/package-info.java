/** The catalogue boundary: reading published services and publishing them. */
package org.civicportal.catalog.boundary;
