/** Database plumbing: the portal's data source, its settings and the Flyway schema migrations. */
package org.civicportal.persistence.control;
