/** Which tenant a piece of work belongs to, and how every query is confined to it. */
package org.civicportal.tenant.control;
