package org.civicportal.catalog.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.catalog.control.CatalogueIndexing;
import org.civicportal.catalog.control.RichText;
import org.civicportal.catalog.control.Slugs;
import org.civicportal.catalog.entity.Agency;
import org.civicportal.catalog.entity.Category;
import org.civicportal.catalog.entity.Channel;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.RevisionState;
import org.civicportal.catalog.entity.RevisionText;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.catalog.entity.ServiceText;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;
import org.civicportal.tenant.entity.Tenant;

/**
 * The editorial side of the catalogue. Agency editors write drafts of their agencies' services and
 * submit them; agency reviewers publish them (now or at a set time) or send them back with a
 * comment. Nobody reviews their own submission. A published revision never changes: editing a
 * published service starts a new draft. Every transition is audited, and every change to what
 * citizens read reaches the search index through the outbox.
 *
 * <p>To anyone who is neither an editor nor a reviewer of its agency, a service that is not
 * published does not exist: its id answers "not found".
 */
@ApplicationScoped
@Transactional
@TenantBound
public class ServiceEditor {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CurrentSubject subjects;
  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;
  @Inject AuditTrail audit;
  @Inject CatalogueIndexing indexing;

  static final String SCHEDULER = "scheduler";

  Clock clock = Clock.systemUTC();

  /** The services of the agencies the subject edits or reviews, newest first. */
  public List<PublicService> mine() {
    Subject subject = subjects.get();
    if (subject.agencies().isEmpty()
        || !(subject.has(Role.AGENCY_EDITOR) || subject.has(Role.AGENCY_REVIEWER))) {
      return List.of();
    }
    List<PublicService> services =
        em.createNamedQuery(PublicService.OF_AGENCIES, PublicService.class)
            .setParameter("agencies", subject.agencies())
            .getResultList();
    services.forEach(s -> s.revisions().size());
    return services;
  }

  /** The service, with its revisions, if the subject edits or reviews its agency. */
  public Optional<PublicService> find(long id) {
    Subject subject = subjects.get();
    Optional<PublicService> found =
        Optional.ofNullable(em.find(PublicService.class, id))
            .filter(
                s ->
                    subject.actsFor(Role.AGENCY_EDITOR, s.agency().code())
                        || subject.actsFor(Role.AGENCY_REVIEWER, s.agency().code()));
    found.ifPresent(s -> s.revisions().size());
    return found;
  }

  /**
   * Starts a service: revision 1, a draft written in {@code language}. Without an agency, the
   * editor's only agency is used.
   */
  public PublicService create(
      String agencyCode, String language, ServiceText text, String category, String externalId) {
    Subject editor = subjects.get();
    if (!editor.has(Role.AGENCY_EDITOR)) {
      throw new NotPermittedException("Only agency editors create services.");
    }
    Agency agency = agencyFor(editor, agencyCode);
    requireLanguage(language);
    ServiceText clean = clean(text);
    String code = uniqueCode(agency, Slugs.of(clean.title()));
    Instant now = clock.instant();
    PublicService service;
    try {
      service = new PublicService(agency, code, language, editor.name(), now);
      service.identifyAs(externalId);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("service", e.getMessage());
    }
    em.persist(service);
    em.flush();
    ServiceRevision draft = service.latest();
    write(draft, language, null, clean, editor);
    if (category != null) {
      draft.describe(
          requireCategory(category),
          draft.channels(),
          draft.tags(),
          draft.related(),
          draft.ceiling().orElse(null),
          draft.processingDays().orElse(null),
          editor.name(),
          now);
    }
    record(editor, service, "created revision 1 (draft) in " + language);
    return service;
  }

  /**
   * Writes the text in one language into the service's draft (starting a new draft when the newest
   * revision was published). Writing the source language makes the other translations outdated.
   */
  public ServiceRevision write(long id, String language, String slug, ServiceText text) {
    Subject editor = subjects.get();
    PublicService service = editable(id, editor);
    requireLanguage(language);
    ServiceRevision draft = draftOf(service, editor);
    ServiceText merged = draft.text(language).map(t -> merge(t.text(), text)).orElse(text);
    write(draft, language, slug, clean(merged), editor);
    return draft;
  }

  /**
   * Writes the text in one language (when {@code text} is not null) and the service-wide facts
   * (when {@code facts} is not null) into the draft, in one transaction: either both are saved or
   * neither.
   */
  public ServiceRevision edit(
      long id, String language, String slug, ServiceText text, Facts facts) {
    ServiceRevision draft = null;
    if (text != null || slug != null) {
      draft = write(id, language, slug, text == null ? ServiceText.of(null, null, null) : text);
    }
    if (facts != null) {
      draft = describe(id, facts);
    }
    return draft;
  }

  /** Sets the service-wide facts of the draft. Null arguments keep what the draft has. */
  public ServiceRevision describe(long id, Facts facts) {
    Subject editor = subjects.get();
    PublicService service = editable(id, editor);
    ServiceRevision draft = draftOf(service, editor);
    String ceiling =
        facts.ceiling() == null ? draft.ceiling().orElse(null) : ceiling(editor, facts.ceiling());
    try {
      draft.describe(
          facts.category() == null
              ? draft.category().orElse(null)
              : facts.category().isBlank() ? null : requireCategory(facts.category()),
          facts.channels() == null ? draft.channels() : channels(facts.channels()),
          facts.tags() == null ? draft.tags() : facts.tags(),
          facts.related() == null ? draft.related() : related(service, facts.related()),
          ceiling,
          facts.processingDays() == null
              ? draft.processingDays().orElse(null)
              : facts.processingDays(),
          editor.name(),
          clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("service", e.getMessage());
    }
    return draft;
  }

  /**
   * Sets the draft's online form from its JSON definition; null or blank goes back to the portal's
   * standard form. The form is reviewed and published with the rest of the revision.
   */
  public ServiceRevision defineForm(long id, String json) {
    Subject editor = subjects.get();
    PublicService service = editable(id, editor);
    ServiceRevision draft = draftOf(service, editor);
    FormDefinition form;
    try {
      form = json == null || json.isBlank() ? null : FormDefinition.parse(json);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("form", e.getMessage());
    }
    draft.defineForm(form, editor.name(), clock.instant());
    record(editor, service, "revision " + draft.number() + ": form changed");
    return draft;
  }

  /** Removes a translation from the draft. */
  public ServiceRevision removeTranslation(long id, String language) {
    Subject editor = subjects.get();
    PublicService service = editable(id, editor);
    ServiceRevision draft = draftOf(service, editor);
    try {
      draft.removeText(language, editor.name(), clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("lang", e.getMessage());
    }
    return draft;
  }

  /** The editor hands the draft to the agency's reviewers. */
  public ServiceRevision submit(long id) {
    Subject editor = subjects.get();
    PublicService service = editable(id, editor);
    ServiceRevision draft = service.latest();
    transition(() -> draft.submit(editor.name(), clock.instant()));
    record(editor, service, "revision " + draft.number() + ": draft -> in-review");
    return draft;
  }

  /**
   * A reviewer publishes the revision in review now, or approves it for {@code at} (it is then
   * published by the scheduler at that time, even across a restart).
   */
  public ServiceRevision publish(long id, Instant at) {
    Subject reviewer = subjects.get();
    PublicService service = reviewable(id, reviewer);
    ServiceRevision revision = service.latest();
    Instant now = clock.instant();
    if (revision.state() == RevisionState.IN_REVIEW
        && revision.submittedBy().filter(reviewer.name()::equals).isPresent()) {
      throw new NotPermittedException(
          "You submitted this revision; another reviewer must approve it.");
    }
    if (at != null && at.isAfter(now)) {
      transition(() -> service.schedule(revision, reviewer.name(), at, now));
      record(
          reviewer,
          service,
          "revision " + revision.number() + ": in-review -> scheduled for " + at);
      return revision;
    }
    if (revision.state() != RevisionState.IN_REVIEW) {
      throw new ConflictException(
          "Revision "
              + revision.number()
              + " is "
              + revision.state().external()
              + "; only a revision in review can be published.");
    }
    publishNow(service, revision, reviewer.name(), now);
    return revision;
  }

  private void publishNow(
      PublicService service, ServiceRevision revision, String actor, Instant now) {
    String from = revision.state().external();
    requireSlugsFree(service, revision);
    transition(() -> service.publish(revision, actor, now));
    audit.record(
        CurrentTenant.code(),
        actor,
        AuditAction.SERVICE_CHANGED,
        "service:" + service.id(),
        "revision " + revision.number() + ": " + from + " -> published");
    indexing.changed(service, now);
  }

  /** A reviewer sends the revision in review (or scheduled) back to its editor. */
  public ServiceRevision reject(long id, String comment) {
    Subject reviewer = subjects.get();
    PublicService service = reviewable(id, reviewer);
    ServiceRevision revision = service.latest();
    String from = revision.state().external();
    if (comment == null || comment.isBlank()) {
      throw new InvalidInputException("comment", "Say what the editor should change.");
    }
    if (comment.strip().length() > ServiceRevision.MAX_COMMENT) {
      throw new InvalidInputException(
          "comment", "A comment can be at most " + ServiceRevision.MAX_COMMENT + " characters.");
    }
    transition(() -> revision.sendBack(reviewer.name(), comment, clock.instant()));
    record(
        reviewer,
        service,
        "revision " + revision.number() + ": " + from + " -> draft: " + comment.strip());
    return revision;
  }

  /** A reviewer takes the service down now, or at {@code at}. */
  public PublicService archive(long id, Instant at) {
    Subject reviewer = subjects.get();
    PublicService service = reviewable(id, reviewer);
    Instant now = clock.instant();
    if (at != null && at.isAfter(now)) {
      transition(() -> service.unpublishAt(at, now));
      record(reviewer, service, "unpublish scheduled for " + at);
      return service;
    }
    if (service.latest().state() == RevisionState.SCHEDULED) {
      throw new ConflictException(
          "Revision "
              + service.latest().number()
              + " is scheduled for publication; send it back before taking the service down.");
    }
    transition(() -> service.archive(now));
    record(reviewer, service, "published -> archived");
    indexing.changed(service, now);
    return service;
  }

  /** The services whose scheduled revision is due now, for the scheduler. */
  public List<Long> duePublications() {
    return em
        .createNamedQuery(ServiceRevision.DUE, ServiceRevision.class)
        .setParameter("now", clock.instant())
        .getResultList()
        .stream()
        .map(r -> r.service().id())
        .distinct()
        .toList();
  }

  /** The services whose scheduled takedown is due now, for the scheduler. */
  public List<Long> dueTakedowns() {
    return em
        .createNamedQuery(PublicService.DUE_FOR_TAKEDOWN, PublicService.class)
        .setParameter("now", clock.instant())
        .getResultList()
        .stream()
        .map(PublicService::id)
        .toList();
  }

  /**
   * Publishes the service's scheduled revision if it is due; one transaction per service, so one
   * failure holds up no other. A revision that cannot be published (its slug was taken meanwhile)
   * goes back to its editor with the reason.
   */
  public boolean publishScheduled(long serviceId) {
    Instant now = clock.instant();
    PublicService service = em.find(PublicService.class, serviceId);
    if (service == null) {
      return false;
    }
    ServiceRevision due = service.latest();
    if (due.state() != RevisionState.SCHEDULED
        || due.publishAt().map(at -> at.isAfter(now)).orElse(true)) {
      return false;
    }
    try {
      publishNow(service, due, SCHEDULER, now);
      return true;
    } catch (InvalidInputException | ConflictException e) {
      sendBackScheduled(service, e.getMessage(), now);
      return false;
    }
  }

  /** Sends a scheduled revision that failed to publish back to its editor, with the reason. */
  public void failScheduled(long serviceId, String reason) {
    PublicService service = em.find(PublicService.class, serviceId);
    if (service != null && service.latest().state() == RevisionState.SCHEDULED) {
      sendBackScheduled(service, reason, clock.instant());
    }
  }

  private void sendBackScheduled(PublicService service, String reason, Instant now) {
    ServiceRevision due = service.latest();
    due.sendBack(SCHEDULER, "Could not publish at the scheduled time: " + reason, now);
    audit.record(
        CurrentTenant.code(),
        SCHEDULER,
        AuditAction.SERVICE_CHANGED,
        "service:" + service.id(),
        "revision " + due.number() + ": scheduled -> draft: " + reason);
  }

  /** Takes the service down if its takedown is due; one transaction per service. */
  public boolean takeDownScheduled(long serviceId) {
    Instant now = clock.instant();
    PublicService service = em.find(PublicService.class, serviceId);
    if (service == null
        || !service.isPublished()
        || service.unpublishAt().map(at -> at.isAfter(now)).orElse(true)) {
      return false;
    }
    service.archive(now);
    audit.record(
        CurrentTenant.code(),
        SCHEDULER,
        AuditAction.SERVICE_CHANGED,
        "service:" + service.id(),
        "published -> archived (scheduled)");
    indexing.changed(service, now);
    return true;
  }

  /**
   * Writes a service as an import line says: found by external id or created, its text in one
   * language replaced, and published at once when {@code publish} (tenant admins only).
   */
  public ImportOutcome importLine(ImportedService line, boolean publish) {
    Subject admin = subjects.get();
    if (!admin.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins import services.");
    }
    requireLanguage(line.language());
    Agency agency = agencyOrCreate(line.agency(), line.agencyName(), line.language());
    String category =
        line.category() == null || line.category().isBlank()
            ? null
            : categoryOrCreate(line.category(), line.categoryName(), line.language());
    ServiceText text = clean(line.text());
    Instant now = clock.instant();
    Optional<PublicService> existing =
        em.createNamedQuery(PublicService.BY_EXTERNAL_ID, PublicService.class)
            .setParameter("externalId", line.externalId())
            .getResultStream()
            .findFirst();
    boolean created = existing.isEmpty();
    PublicService service;
    if (created) {
      try {
        service =
            new PublicService(
                agency,
                uniqueCode(agency, Slugs.of(text.title())),
                line.language(),
                admin.name(),
                now);
        service.identifyAs(line.externalId());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("externalId", e.getMessage());
      }
      em.persist(service);
      em.flush();
    } else {
      service = existing.get();
      if (!service.agency().code().equals(agency.code())) {
        throw new InvalidInputException(
            "agency",
            "Service " + line.externalId() + " belongs to agency " + service.agency().code());
      }
    }
    ServiceRevision revision = service.latest();
    boolean unchanged =
        !created
            && revision.text(line.language()).map(t -> t.text().equals(text)).orElse(false)
            && (category == null || category.equals(revision.category().orElse(null)))
            && (!publish || service.isPublished() && revision.state() == RevisionState.PUBLISHED);
    if (unchanged) {
      return ImportOutcome.UNCHANGED;
    }
    if (publish
        && revision.state() == RevisionState.DRAFT
        && !revision.editedBy().equals(admin.name())) {
      throw new ConflictException(
          "Service "
              + line.externalId()
              + " has a draft by "
              + revision.editedBy()
              + " in progress; publishing this line would publish it unreviewed.");
    }
    ServiceRevision draft;
    try {
      draft = service.draft(admin.name(), now);
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
    write(draft, line.language(), null, text, admin);
    if (category != null && !category.equals(draft.category().orElse(null))) {
      draft.describe(
          category,
          draft.channels(),
          draft.tags(),
          draft.related(),
          draft.ceiling().orElse(null),
          draft.processingDays().orElse(null),
          admin.name(),
          now);
    }
    if (publish) {
      draft.submit(admin.name(), now);
      publishNow(service, draft, admin.name(), now);
    }
    return created ? ImportOutcome.CREATED : ImportOutcome.UPDATED;
  }

  /** What an import line did. */
  public enum ImportOutcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** One line of an import: a service's text in one language, found again by its external id. */
  public record ImportedService(
      String externalId,
      String language,
      String agency,
      String agencyName,
      String category,
      String categoryName,
      ServiceText text) {}

  /** Service-wide facts as an editor sends them; null means "leave as it is". */
  public record Facts(
      String category,
      Collection<String> channels,
      Collection<String> tags,
      Collection<Long> related,
      String ceiling,
      Integer processingDays) {}

  // --- rules -------------------------------------------------------------------------------

  private void write(
      ServiceRevision draft, String language, String slug, ServiceText text, Subject editor) {
    PublicService service = draft.service();
    String chosen =
        slug != null && !slug.isBlank()
            ? requireSlug(service, draft, language, slug.strip())
            : draft
                .text(language)
                .map(RevisionText::slug)
                .orElseGet(() -> newSlug(service, draft, language, text.title()));
    try {
      draft.write(language, chosen, text, editor.name(), clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field(e.getMessage()), e.getMessage());
    }
  }

  private static String field(String message) {
    int space = message.indexOf(' ');
    return space > 0 ? message.substring(0, space) : "service";
  }

  private String newSlug(
      PublicService service, ServiceRevision draft, String language, String title) {
    String base = Slugs.of(title);
    if (base.isEmpty()) {
      base = service.code() + "-" + language;
    }
    if (slugUsedInRevision(draft, language, base)) {
      base = base + "-" + language;
    }
    String candidate = base;
    for (int n = 2;
        slugTaken(service, candidate) || slugUsedInRevision(draft, language, candidate);
        n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  private String requireSlug(
      PublicService service, ServiceRevision draft, String language, String slug) {
    if (!ServiceTranslation.isSlug(slug)) {
      throw new InvalidInputException(
          "slug", "A slug is lower-case letters and digits joined by single hyphens: " + slug);
    }
    if (slugTaken(service, slug) || slugUsedInRevision(draft, language, slug)) {
      throw new InvalidInputException("slug", "The slug '" + slug + "' is already in use.");
    }
    return slug;
  }

  private static boolean slugUsedInRevision(ServiceRevision draft, String language, String slug) {
    return draft.texts().entrySet().stream()
        .anyMatch(e -> !e.getKey().equals(language) && e.getValue().slug().equals(slug));
  }

  /** True when another service uses the slug, published or in any revision. */
  private boolean slugTaken(PublicService service, String slug) {
    long id = service.id() == null ? -1 : service.id();
    long inRevisions =
        em.createNamedQuery(ServiceRevision.SLUG_USED_ELSEWHERE, Long.class)
            .setParameter("slug", slug)
            .setParameter("service", id)
            .getSingleResult();
    if (inRevisions > 0) {
      return true;
    }
    return em.createNamedQuery(ServiceTranslation.PUBLISHED_BY_SLUG, ServiceTranslation.class)
        .setParameter("slug", slug)
        .getResultStream()
        .anyMatch(t -> !t.service().id().equals(id));
  }

  private void requireSlugsFree(PublicService service, ServiceRevision revision) {
    for (RevisionText text : revision.texts().values()) {
      boolean taken =
          em.createQuery(
                  "SELECT t FROM ServiceTranslation t WHERE t.slug = :slug",
                  ServiceTranslation.class)
              .setParameter("slug", text.slug())
              .getResultStream()
              .anyMatch(t -> !t.service().id().equals(service.id()));
      if (taken) {
        throw new ConflictException(
            "Another service is already published at '" + text.slug() + "'; change the slug.");
      }
    }
  }

  private String uniqueCode(Agency agency, String base) {
    String code = base.isEmpty() ? "service" : base;
    if (code.length() > 72) {
      code = code.substring(0, 72).replaceAll("-+$", "");
    }
    String candidate = code;
    for (int n = 2;
        !em.createNamedQuery(PublicService.BY_CODE, PublicService.class)
            .setParameter("agency", agency)
            .setParameter("code", candidate)
            .getResultList()
            .isEmpty();
        n++) {
      candidate = code + "-" + n;
    }
    return candidate;
  }

  private ServiceRevision draftOf(PublicService service, Subject editor) {
    try {
      return service.draft(editor.name(), clock.instant());
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
  }

  private static void transition(Runnable change) {
    try {
      change.run();
    } catch (IllegalStateException e) {
      throw new ConflictException(capitalised(e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("at", capitalised(e.getMessage()));
    }
  }

  private static String capitalised(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
  }

  private void record(Subject actor, PublicService service, String detail) {
    audit.record(
        CurrentTenant.code(),
        actor.name(),
        AuditAction.SERVICE_CHANGED,
        "service:" + service.id(),
        detail);
  }

  private PublicService editable(long id, Subject editor) {
    PublicService service = existing(id, editor);
    if (!editor.actsFor(Role.AGENCY_EDITOR, service.agency().code())) {
      throw new NotPermittedException(
          "Only editors of " + service.agency().code() + " edit this service.");
    }
    return service;
  }

  private PublicService reviewable(long id, Subject reviewer) {
    PublicService service = existing(id, reviewer);
    if (!reviewer.actsFor(Role.AGENCY_REVIEWER, service.agency().code())) {
      throw new NotPermittedException(
          "Only reviewers of "
              + service.agency().code()
              + " publish, send back or archive this service.");
    }
    return service;
  }

  /** The service if the subject may know it exists: published, or in one of their agencies. */
  private PublicService existing(long id, Subject subject) {
    PublicService service = em.find(PublicService.class, id);
    if (service == null
        || !(service.isPublished()
            || subject.agencies().contains(service.agency().code())
                && (subject.has(Role.AGENCY_EDITOR) || subject.has(Role.AGENCY_REVIEWER)))) {
      throw new NoSuchRecordException("No service with id " + id + ".");
    }
    return service;
  }

  private Agency agencyFor(Subject editor, String code) {
    if (code == null || code.isBlank()) {
      if (editor.agencies().size() != 1) {
        throw new InvalidInputException(
            "agency", "Name the agency: you edit for " + editor.agencies() + ".");
      }
      code = editor.agencies().iterator().next();
    }
    if (!editor.actsFor(Role.AGENCY_EDITOR, code)) {
      throw new NotPermittedException("You are not an editor of agency " + code + ".");
    }
    String wanted = code;
    return em.createNamedQuery(Agency.BY_CODE, Agency.class)
        .setParameter("code", wanted)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("agency", "No agency with code " + wanted));
  }

  private Agency agencyOrCreate(String code, String name, String language) {
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("agency", "agency is required");
    }
    return em.createNamedQuery(Agency.BY_CODE, Agency.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              Agency agency;
              try {
                agency =
                    new Agency(code).name(language, name == null || name.isBlank() ? code : name);
              } catch (IllegalArgumentException e) {
                throw new InvalidInputException("agency", e.getMessage());
              }
              em.persist(agency);
              return agency;
            });
  }

  private String categoryOrCreate(String code, String name, String language) {
    return em.createNamedQuery(Category.BY_CODE, Category.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              Category category;
              try {
                category =
                    new Category(code).name(language, name == null || name.isBlank() ? code : name);
              } catch (IllegalArgumentException e) {
                throw new InvalidInputException("category", e.getMessage());
              }
              em.persist(category);
              return category;
            })
        .code();
  }

  private String requireCategory(String code) {
    return em.createNamedQuery(Category.BY_CODE, Category.class)
        .setParameter("code", code.strip())
        .getResultStream()
        .findFirst()
        .map(Category::code)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "category", "No category '" + code + "'; use one of " + categoryCodes()));
  }

  private List<String> categoryCodes() {
    return em.createNamedQuery(Category.ALL, Category.class).getResultList().stream()
        .map(Category::code)
        .toList();
  }

  private static Set<Channel> channels(Collection<String> names) {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    for (String name : names) {
      channels.add(
          Channel.ofExternal(name)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "channels",
                          "Unknown channel '" + name + "'; use online, in-person or phone")));
    }
    return channels;
  }

  private List<Long> related(PublicService service, Collection<Long> ids) {
    List<Long> related = new ArrayList<>();
    Subject editor = subjects.get();
    for (Long other : ids) {
      PublicService found = other == null ? null : em.find(PublicService.class, other);
      // a draft of another agency does not exist for this editor, so it cannot be named either
      if (found == null
          || found == service
          || !found.isPublished() && !editor.agencies().contains(found.agency().code())) {
        throw new InvalidInputException("related", "No other service with id " + other);
      }
      related.add(other);
    }
    return related;
  }

  private String ceiling(Subject editor, String marking) {
    if (marking.isBlank()) {
      return null;
    }
    Label label;
    try {
      label = Marking.parse(tenants.scheme(CurrentTenant.code()), marking);
    } catch (MarkingException e) {
      throw new InvalidInputException("ceiling", e.getMessage());
    }
    if (!policy.mayLabel(editor, label)) {
      throw new InvalidInputException(
          "ceiling", "You cannot set a ceiling above your own clearance.");
    }
    return Marking.format(label);
  }

  private void requireLanguage(String language) {
    Tenant tenant = tenants.byCode(CurrentTenant.code()).orElseThrow();
    if (language == null || !tenant.locales().contains(language)) {
      throw new InvalidInputException(
          "lang",
          "Unsupported language '" + language + "'; this portal publishes in " + tenant.locales());
    }
  }

  private static ServiceText clean(ServiceText text) {
    if (text == null) {
      throw new InvalidInputException("body", "Send the service's title, summary and body.");
    }
    return new ServiceText(
        text.title() == null ? null : text.title().strip(),
        text.summary() == null ? null : text.summary().strip(),
        RichText.sanitise(text.body()),
        RichText.sanitise(text.eligibility()),
        RichText.sanitise(text.documentsNeeded()),
        blankToNull(text.fees()),
        blankToNull(text.processingTime()),
        blankToNull(text.contact()));
  }

  /** The new text, with every field it leaves out (null) taken from the old. */
  private static ServiceText merge(ServiceText old, ServiceText changes) {
    if (changes == null) {
      return old;
    }
    return new ServiceText(
        or(changes.title(), old.title()),
        or(changes.summary(), old.summary()),
        or(changes.body(), old.body()),
        or(changes.eligibility(), old.eligibility()),
        or(changes.documentsNeeded(), old.documentsNeeded()),
        or(changes.fees(), old.fees()),
        or(changes.processingTime(), old.processingTime()),
        or(changes.contact(), old.contact()));
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
