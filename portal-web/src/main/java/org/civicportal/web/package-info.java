/**
 * Application plumbing only: the JAX-RS and Faces configuration, and what every feature shares
 * about a request and its response (the browser's view of a request behind proxies, cookies, links
 * and downloads).
 */
package org.civicportal.web;
