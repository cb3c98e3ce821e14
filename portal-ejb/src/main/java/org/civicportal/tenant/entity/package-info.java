/** Tenants: each government that runs on one Civic Portal installation. */
package org.civicportal.tenant.entity;
