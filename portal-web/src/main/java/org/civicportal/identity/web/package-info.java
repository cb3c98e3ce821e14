/** Signing in: HTTP Basic for scripts and a session for browsers, against the host's tenant. */
package org.civicportal.identity.web;
