/** Citizen pages of the service catalogue: the home page and service pages. */
package org.civicportal.catalog.web;
