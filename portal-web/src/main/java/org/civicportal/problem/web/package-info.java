/**
 * Error answers the container gives outside JAX-RS and Faces: problems for the API, pages for
 * people.
 */
package org.civicportal.problem.web;
