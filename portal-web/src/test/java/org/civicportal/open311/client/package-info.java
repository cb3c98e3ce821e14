/**
 * A tolerant Open311 GeoReport v2 client for tests: it reads what real city servers send (quirks
 * included) into records, talks to a GeoReport endpoint over HTTP, and checks our own server's
 * responses against the specification's JSON Schemas and error format.
 */
package org.civicportal.open311.client;
