/** Who is asking: the authenticated caller as a subject with roles and clearance. */
package org.civicportal.identity.control;
