/** Which government a request is for, chosen by host name, and its name on every page. */
package org.civicportal.tenant.web;
