/** Open311 GeoReport v2: the open standard front door for service requests, in JSON and XML. */
package org.civicportal.request.open311;
