/** Submitting, tracking and handling service requests, through the clearance policy. */
package org.civicportal.request.boundary;
