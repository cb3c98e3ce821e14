/** Online forms of services: their questions, conditions and validation of answers. */
package org.civicportal.form.control;
