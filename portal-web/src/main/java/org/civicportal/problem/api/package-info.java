/** RFC 9457 problem details: how every API failure is answered. */
package org.civicportal.problem.api;
