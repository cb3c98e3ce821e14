/** Pages: citizens make and follow requests; case workers handle them. */
package org.civicportal.request.web;
