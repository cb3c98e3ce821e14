/** Content languages: which exist, and which one a request asks for. */
package org.civicportal.language.api;
