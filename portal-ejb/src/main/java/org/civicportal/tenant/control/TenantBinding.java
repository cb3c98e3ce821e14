package org.civicportal.tenant.control;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Binds the transaction's entity manager to the current tenant. Runs after the transaction
 * interceptor (higher priority number), so the entity manager is the transaction's own.
 */
@TenantBound
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantBinding {
  /** The EclipseLink context property that every {@code @TenantDiscriminatorColumn} reads. */
  public static final String PROPERTY = "civic.tenant";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @AroundInvoke
  Object bind(InvocationContext call) throws Exception {
    em.setProperty(PROPERTY, CurrentTenant.code());
    return call.proceed();
  }
}
