package org.civicportal.catalog.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One numbered version of a service: its texts per language and its service-wide facts. Only a
 * {@link RevisionState#DRAFT} can change; every other state is a record of what was reviewed or
 * published. The first language written is the source; a translation written before the source last
 * changed is {@link TranslationStatus#OUTDATED}.
 */
@Entity
@Table(name = "service_revision")
@NamedQuery(
    name = ServiceRevision.DUE,
    query =
        "SELECT r FROM ServiceRevision r WHERE r.state = org.civicportal.catalog.entity.RevisionState.SCHEDULED"
            + " AND r.publishAt <= :now ORDER BY r.publishAt")
@NamedQuery(
    name = ServiceRevision.SLUG_USED_ELSEWHERE,
    query =
        "SELECT COUNT(r) FROM ServiceRevision r JOIN r.texts t"
            + " WHERE t.slug = :slug AND r.service.id <> :service")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
public class ServiceRevision {
  public static final String DUE = "ServiceRevision.due";
  public static final String SLUG_USED_ELSEWHERE = "ServiceRevision.slugUsedElsewhere";
  public static final int MAX_COMMENT = 2000;
  public static final int MAX_TAGS = 20;

  @Id
  @SequenceGenerator(
      name = "service_revision_seq",
      sequenceName = "service_revision_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_revision_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "service_id")
  private PublicService service;

  @Column(nullable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RevisionState state = RevisionState.DRAFT;

  @Column(name = "source_language", nullable = false, length = 10)
  private String sourceLanguage;

  @Column(name = "source_stamp", nullable = false)
  private int sourceStamp = 1;

  @Column(length = 60)
  private String category;

  @Column(length = 100)
  private String channels;

  @Column(length = 1000)
  private String tags;

  @Column(length = 1000)
  private String related;

  @Column(length = 400)
  private String ceiling;

  @Column(name = "processing_days")
  private Integer processingDays;

  @Column(name = "form_definition")
  private String formDefinition;

  @Column(name = "review_comment", length = MAX_COMMENT)
  private String reviewComment;

  @Column(name = "edited_by", nullable = false, length = 80)
  private String editedBy;

  @Column(name = "submitted_by", length = 80)
  private String submittedBy;

  @Column(name = "reviewed_by", length = 80)
  private String reviewedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "publish_at")
  private Instant publishAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "service_revision_text", joinColumns = @JoinColumn(name = "revision_id"))
  @MapKeyColumn(name = "language", length = 10)
  private Map<String, RevisionText> texts = new TreeMap<>();

  protected ServiceRevision() {}

  ServiceRevision(
      PublicService service, int number, String sourceLanguage, String editor, Instant now) {
    this.service = Objects.requireNonNull(service, "service");
    this.number = number;
    this.sourceLanguage = requireLanguage(sourceLanguage);
    this.editedBy = Objects.requireNonNull(editor, "editor");
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  /** A new draft numbered {@code number} with everything this revision says. */
  ServiceRevision nextDraft(int number, String editor, Instant now) {
    ServiceRevision next = new ServiceRevision(service, number, sourceLanguage, editor, now);
    next.sourceStamp = sourceStamp;
    next.category = category;
    next.channels = channels;
    next.tags = tags;
    next.related = related;
    next.ceiling = ceiling;
    next.processingDays = processingDays;
    next.formDefinition = formDefinition;
    texts.forEach((language, text) -> next.texts.put(language, text.copy()));
    return next;
  }

  static String requireLanguage(String language) {
    if (language == null || !language.matches("[a-z]{2}")) {
      throw new IllegalArgumentException(
          "language must be a two-letter ISO 639-1 code: " + language);
    }
    return language;
  }

  private void requireDraft() {
    if (state != RevisionState.DRAFT) {
      throw new IllegalStateException(
          "revision " + number + " is " + state.external() + " and can no longer be changed");
    }
  }

  private void touched(String editor, Instant now) {
    this.editedBy = Objects.requireNonNull(editor, "editor");
    this.updatedAt = Objects.requireNonNull(now, "now");
  }

  /**
   * Writes the text in one language at this slug. Writing the source language makes every other
   * translation outdated; writing another language marks it up to date with the current source.
   */
  public void write(String language, String slug, ServiceText text, String editor, Instant now) {
    requireDraft();
    requireLanguage(language);
    RevisionText previous = texts.get(language);
    boolean sourceChanged =
        language.equals(sourceLanguage) && previous != null && !previous.text().equals(text);
    if (sourceChanged) {
      sourceStamp++;
    }
    texts.put(language, new RevisionText(slug, text, sourceStamp, now));
    touched(editor, now);
  }

  /** Removes the text in one language; the source language's text cannot be removed. */
  public void removeText(String language, String editor, Instant now) {
    requireDraft();
    if (language.equals(sourceLanguage)) {
      throw new IllegalArgumentException("the source language's text cannot be removed");
    }
    texts.remove(language);
    touched(editor, now);
  }

  /** Sets the online form citizens fill in (null: the portal's standard form). */
  public void defineForm(FormDefinition form, String editor, Instant now) {
    requireDraft();
    this.formDefinition = form == null ? null : form.toJson();
    touched(editor, now);
  }

  /** The form editors wrote for this revision, if any. */
  public Optional<FormDefinition> ownForm() {
    return Optional.ofNullable(formDefinition).map(FormDefinition::parse);
  }

  /** The form citizens fill in: the editors' own, or the portal's standard form. */
  public FormDefinition form() {
    return ownForm().orElseGet(FormDefinition::standard);
  }

  /** Sets the service-wide facts. */
  public void describe(
      String category,
      Set<Channel> channels,
      Collection<String> tags,
      Collection<Long> related,
      String ceiling,
      Integer processingDays,
      String editor,
      Instant now) {
    requireDraft();
    if (tags.size() > MAX_TAGS) {
      throw new IllegalArgumentException("a service has at most " + MAX_TAGS + " tags");
    }
    for (String tag : tags) {
      if (tag == null || tag.isBlank() || tag.length() > 40 || tag.contains(",")) {
        throw new IllegalArgumentException(
            "each tag must be 1-40 characters without commas: " + tag);
      }
    }
    if (processingDays != null && (processingDays < 0 || processingDays > 3650)) {
      throw new IllegalArgumentException("processingDays must be between 0 and 3650");
    }
    if (service.id() != null && related.contains(service.id())) {
      throw new IllegalArgumentException("a service cannot be related to itself");
    }
    this.category = category;
    this.channels =
        channels.isEmpty()
            ? null
            : EnumSet.copyOf(channels).stream()
                .map(Channel::external)
                .collect(Collectors.joining(","));
    this.tags =
        tags.isEmpty()
            ? null
            : tags.stream().map(String::strip).distinct().collect(Collectors.joining(","));
    this.related =
        related.isEmpty()
            ? null
            : related.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
    this.ceiling = ceiling;
    this.processingDays = processingDays;
    touched(editor, now);
  }

  /** The editor hands the draft to reviewers. */
  public void submit(String editor, Instant now) {
    requireDraft();
    if (!texts.containsKey(sourceLanguage)) {
      throw new IllegalStateException("the draft has no text in its source language");
    }
    state = RevisionState.IN_REVIEW;
    submittedBy = editor;
    reviewComment = null;
    updatedAt = now;
  }

  /** A reviewer sends the revision back to its editor with a comment. */
  public void sendBack(String reviewer, String comment, Instant now) {
    if (state != RevisionState.IN_REVIEW && state != RevisionState.SCHEDULED) {
      throw new IllegalStateException(
          "only a revision in review or scheduled can be sent back; revision "
              + number
              + " is "
              + state.external());
    }
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("a comment is required when sending a revision back");
    }
    if (comment.strip().length() > MAX_COMMENT) {
      throw new IllegalArgumentException(
          "the comment must be at most " + MAX_COMMENT + " characters");
    }
    state = RevisionState.DRAFT;
    reviewComment = comment.strip();
    reviewedBy = reviewer;
    publishAt = null;
    updatedAt = now;
  }

  /** A reviewer approves the revision for publication at a later time. */
  void schedule(String reviewer, Instant at, Instant now) {
    requireInReview();
    state = RevisionState.SCHEDULED;
    reviewedBy = reviewer;
    publishAt = at;
    updatedAt = now;
  }

  void requireInReview() {
    if (state != RevisionState.IN_REVIEW) {
      throw new IllegalStateException(
          "only a revision in review can be approved; revision "
              + number
              + " is "
              + state.external());
    }
  }

  void markPublished(String reviewer, Instant now) {
    if (state != RevisionState.IN_REVIEW && state != RevisionState.SCHEDULED) {
      throw new IllegalStateException(
          "only a revision in review or scheduled can be published; revision "
              + number
              + " is "
              + state.external());
    }
    state = RevisionState.PUBLISHED;
    reviewedBy = reviewer;
    publishedAt = now;
    updatedAt = now;
  }

  void markSuperseded(Instant now) {
    state = RevisionState.SUPERSEDED;
    updatedAt = now;
  }

  void markArchived(Instant now) {
    state = RevisionState.ARCHIVED;
    updatedAt = now;
  }

  /** The status of each of these languages' texts against the source text. */
  public Map<String, TranslationStatus> translationStatus(List<String> languages) {
    Map<String, TranslationStatus> status = new LinkedHashMap<>();
    for (String language : languages) {
      status.put(language, statusOf(language));
    }
    texts.keySet().forEach(language -> status.putIfAbsent(language, statusOf(language)));
    return status;
  }

  public TranslationStatus statusOf(String language) {
    RevisionText text = texts.get(language);
    if (text == null) {
      return TranslationStatus.MISSING;
    }
    return language.equals(sourceLanguage) || text.sourceStamp() >= sourceStamp
        ? TranslationStatus.UP_TO_DATE
        : TranslationStatus.OUTDATED;
  }

  public Optional<RevisionText> text(String language) {
    return Optional.ofNullable(texts.get(language));
  }

  public Map<String, RevisionText> texts() {
    return Collections.unmodifiableMap(texts);
  }

  public Long id() {
    return id;
  }

  public PublicService service() {
    return service;
  }

  public int number() {
    return number;
  }

  public RevisionState state() {
    return state;
  }

  public String sourceLanguage() {
    return sourceLanguage;
  }

  public Optional<String> category() {
    return Optional.ofNullable(category);
  }

  public Set<Channel> channels() {
    if (channels == null) {
      return Set.of();
    }
    Set<Channel> set = EnumSet.noneOf(Channel.class);
    Arrays.stream(channels.split(","))
        .map(Channel::ofExternal)
        .flatMap(Optional::stream)
        .forEach(set::add);
    return set;
  }

  public List<String> tags() {
    return tags == null ? List.of() : List.of(tags.split(","));
  }

  public List<Long> related() {
    return related == null
        ? List.of()
        : Arrays.stream(related.split(",")).map(Long::valueOf).toList();
  }

  public Optional<String> ceiling() {
    return Optional.ofNullable(ceiling);
  }

  public Optional<Integer> processingDays() {
    return Optional.ofNullable(processingDays);
  }

  public Optional<String> reviewComment() {
    return Optional.ofNullable(reviewComment);
  }

  public String editedBy() {
    return editedBy;
  }

  public Optional<String> submittedBy() {
    return Optional.ofNullable(submittedBy);
  }

  public Optional<String> reviewedBy() {
    return Optional.ofNullable(reviewedBy);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<Instant> publishAt() {
    return Optional.ofNullable(publishAt);
  }

  public Optional<Instant> publishedAt() {
    return Optional.ofNullable(publishedAt);
  }

  public long version() {
    return version;
  }
}
