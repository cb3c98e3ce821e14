/** Classification banners on pages. */
package org.civicportal.classification.web;
