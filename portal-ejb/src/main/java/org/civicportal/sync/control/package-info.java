/** How sync works: the change log, the feed algorithm, cursors, a device's scope. */
package org.civicportal.sync.control;
