/** The accounts boundary: signing in, lockout, and creating accounts. */
package org.civicportal.identity.boundary;
