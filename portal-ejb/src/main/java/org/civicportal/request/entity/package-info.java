/** Service requests, their history, messages, notes, files and drafts. */
package org.civicportal.request.entity;
