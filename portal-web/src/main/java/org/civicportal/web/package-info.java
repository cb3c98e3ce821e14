/** Application plumbing only: the JAX-RS and Faces configuration. */
package org.civicportal.web;
