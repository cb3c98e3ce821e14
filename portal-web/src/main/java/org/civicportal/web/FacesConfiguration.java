package org.civicportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/**
 * Switches on Faces 4 CDI integration (EL resolution of {@code @Named} beans, injectable Faces
 * objects).
 */
@FacesConfig
@ApplicationScoped
public class FacesConfiguration {}
