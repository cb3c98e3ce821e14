package org.civicportal.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;
import org.civicportal.persistence.control.RequiredText;

/** One revision's text in one language, reachable at its slug once the revision is published. */
@Embeddable
public class RevisionText {
  public static final int MAX_SECTION = 20_000;
  public static final int MAX_FEES = 2000;
  public static final int MAX_PROCESSING_TIME = 500;
  public static final int MAX_CONTACT = 2000;

  @Column(nullable = false, length = ServiceTranslation.MAX_SLUG)
  private String slug;

  @Column(nullable = false, length = ServiceTranslation.MAX_TITLE)
  private String title;

  @Column(nullable = false, length = ServiceTranslation.MAX_SUMMARY)
  private String summary;

  @Column(nullable = false, length = ServiceTranslation.MAX_BODY)
  private String body;

  @Column(length = MAX_SECTION)
  private String eligibility;

  @Column(name = "documents_needed", length = MAX_SECTION)
  private String documentsNeeded;

  @Column(length = MAX_FEES)
  private String fees;

  @Column(name = "processing_time", length = MAX_PROCESSING_TIME)
  private String processingTime;

  @Column(length = MAX_CONTACT)
  private String contact;

  @Column(name = "source_stamp", nullable = false)
  private int sourceStamp;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected RevisionText() {}

  RevisionText(String slug, ServiceText text, int sourceStamp, Instant now) {
    if (!ServiceTranslation.isSlug(slug)) {
      throw new IllegalArgumentException("slug is not well-formed: " + slug);
    }
    this.slug = slug;
    this.title = RequiredText.of("title", text.title(), ServiceTranslation.MAX_TITLE);
    this.summary = RequiredText.of("summary", text.summary(), ServiceTranslation.MAX_SUMMARY);
    this.body = RequiredText.of("body", text.body(), ServiceTranslation.MAX_BODY);
    this.eligibility = optional("eligibility", text.eligibility(), MAX_SECTION);
    this.documentsNeeded = optional("documentsNeeded", text.documentsNeeded(), MAX_SECTION);
    this.fees = optional("fees", text.fees(), MAX_FEES);
    this.processingTime = optional("processingTime", text.processingTime(), MAX_PROCESSING_TIME);
    this.contact = optional("contact", text.contact(), MAX_CONTACT);
    this.sourceStamp = sourceStamp;
    this.updatedAt = Objects.requireNonNull(now, "now");
  }

  RevisionText copy() {
    RevisionText copy = new RevisionText();
    copy.slug = slug;
    copy.title = title;
    copy.summary = summary;
    copy.body = body;
    copy.eligibility = eligibility;
    copy.documentsNeeded = documentsNeeded;
    copy.fees = fees;
    copy.processingTime = processingTime;
    copy.contact = contact;
    copy.sourceStamp = sourceStamp;
    copy.updatedAt = updatedAt;
    return copy;
  }

  private static String optional(String field, String value, int max) {
    return value == null || value.isBlank() ? null : RequiredText.of(field, value, max);
  }

  /** The text as an editor would write it again. */
  public ServiceText text() {
    return new ServiceText(
        title, summary, body, eligibility, documentsNeeded, fees, processingTime, contact);
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String summary() {
    return summary;
  }

  public String body() {
    return body;
  }

  public String eligibility() {
    return eligibility;
  }

  public String documentsNeeded() {
    return documentsNeeded;
  }

  public String fees() {
    return fees;
  }

  public String processingTime() {
    return processingTime;
  }

  public String contact() {
    return contact;
  }

  public int sourceStamp() {
    return sourceStamp;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
