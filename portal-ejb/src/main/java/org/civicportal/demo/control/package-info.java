/** Demo mode: the content a first-time visitor sees on an empty embedded database. */
package org.civicportal.demo.control;
