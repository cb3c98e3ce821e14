/** Accounts: citizens and employees, their roles, clearances and sign-in state. */
package org.civicportal.identity.entity;
