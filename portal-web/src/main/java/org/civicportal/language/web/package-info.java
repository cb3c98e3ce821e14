/** Which language a page is shown in, and the language switcher. */
package org.civicportal.language.web;
