package org.civicportal.tenant.control;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose persistence work belongs to the {@link CurrentTenant}: before each call, the
 * transaction's entity manager is told the tenant, and EclipseLink adds it to every query on
 * tenant-owned entities.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantBound {}
