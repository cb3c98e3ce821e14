/** Health of the portal's own dependencies, for readiness and liveness probes. */
package org.civicportal.health.boundary;
