/** MicroProfile Health checks served at /health/ready and /health/live. */
package org.civicportal.health.api;
