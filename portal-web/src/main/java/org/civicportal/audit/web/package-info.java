/** The auditors' intranet page. */
package org.civicportal.audit.web;
