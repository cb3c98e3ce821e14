package org.civicportal.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The public JSON API, versioned in its path. It describes itself at {@code /openapi}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Civic Portal API",
            version = "1",
            description =
                "Public services and search. Errors are RFC 9457 application/problem+json."))
public class RestConfiguration extends Application {}
