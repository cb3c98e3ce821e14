/**
 * The audit log's entries: who did what to which subject and when, each sealed with a hash that
 * also covers the entry before it in the same tenant.
 */
package org.civicportal.audit.entity;
