/**
 * The runnable jar's launcher: environment variables in, a booted Payara Micro with the portal out.
 */
package org.civicportal.deployment;
