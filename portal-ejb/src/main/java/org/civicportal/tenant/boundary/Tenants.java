package org.civicportal.tenant.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.tenant.entity.Tenant;

/**
 * The governments on this installation and the host names they answer on. A host name no tenant
 * claims belongs to the default tenant; with no tenant at all there is nothing to serve.
 */
@ApplicationScoped
@Transactional
public class Tenants {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  private final ConcurrentMap<String, String> codeByHost = new ConcurrentHashMap<>();

  /** The code of the tenant answering on this host name (case-insensitive, without port). */
  public Optional<String> codeForHost(String host) {
    String key = host == null ? "" : host.toLowerCase(Locale.ROOT);
    String cached = codeByHost.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> code =
        em.createNamedQuery(Tenant.BY_HOST, Tenant.class)
            .setParameter("host", key)
            .getResultStream()
            .findFirst()
            .or(
                () ->
                    em.createNamedQuery(Tenant.DEFAULT, Tenant.class).getResultStream().findFirst())
            .map(Tenant::code);
    code.ifPresent(c -> codeByHost.put(key, c));
    return code;
  }

  public Optional<Tenant> byCode(String code) {
    return em.createNamedQuery(Tenant.BY_CODE, Tenant.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  /** The tenant's classification scheme, which may name every tenant's nation in REL TO. */
  public ClassificationScheme scheme(String code) {
    Tenant tenant = byCode(code).orElseThrow(() -> new IllegalStateException("No tenant " + code));
    return tenant.scheme(nations());
  }

  public Set<String> nations() {
    Set<String> nations = new TreeSet<>();
    all().forEach(t -> nations.add(t.nation()));
    return nations;
  }

  public List<Tenant> all() {
    return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList();
  }

  public boolean hasAny() {
    return em.createNamedQuery(Tenant.COUNT, Long.class).getSingleResult() > 0;
  }

  public Tenant create(Tenant tenant) {
    em.persist(tenant);
    // Tenant-owned rows reference the tenant by code through a column EclipseLink manages itself,
    // so it
    // cannot order their inserts after this one: write the tenant now.
    em.flush();
    codeByHost.clear();
    return tenant;
  }
}
