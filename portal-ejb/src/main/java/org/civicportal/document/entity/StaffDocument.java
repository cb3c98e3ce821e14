package org.civicportal.document.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.Releasability;
import org.civicportal.persistence.control.RequiredText;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A classified document of an agency's staff. Its label is stored whole (the canonical marking) and
 * taken apart (level rank, compartments, releasability), so lists can apply the clearance policy in
 * SQL. An edit may keep or raise the label, never lower it: lowering is declassification, a
 * separate, audited act.
 */
@Entity
@Table(name = "staff_document")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = StaffDocument.VISIBLE,
    query =
        "SELECT d FROM StaffDocument d WHERE d.levelRank <= :maxLevel"
            + " AND NOT EXISTS (SELECT c FROM StaffDocument d2 JOIN d2.compartments c"
            + "   WHERE d2.id = d.id AND c NOT IN :held)"
            + " AND ((d.releasability = 'ALL' AND d.levelRank <= :unmarkedLevel)"
            + "   OR (d.releasability = 'NOFORN' AND :nationality = :owner)"
            + "   OR (d.releasability = 'REL' AND EXISTS (SELECT r FROM StaffDocument d3"
            + "     JOIN d3.releasableTo r WHERE d3.id = d.id AND r = :nationality)))"
            + " ORDER BY d.updatedAt DESC, d.id DESC")
@NamedQuery(
    name = StaffDocument.VISIBLE_BY_IDS,
    query =
        "SELECT d FROM StaffDocument d WHERE d.id IN :ids AND d.levelRank <= :maxLevel"
            + " AND NOT EXISTS (SELECT c FROM StaffDocument d2 JOIN d2.compartments c"
            + "   WHERE d2.id = d.id AND c NOT IN :held)"
            + " AND ((d.releasability = 'ALL' AND d.levelRank <= :unmarkedLevel)"
            + "   OR (d.releasability = 'NOFORN' AND :nationality = :owner)"
            + "   OR (d.releasability = 'REL' AND EXISTS (SELECT r FROM StaffDocument d3"
            + "     JOIN d3.releasableTo r WHERE d3.id = d.id AND r = :nationality)))")
@NamedQuery(name = StaffDocument.ALL, query = "SELECT d FROM StaffDocument d")
public class StaffDocument {
  /** Documents a reader may see; parameters from {@code ClearancePolicy.listFilter}. */
  public static final String VISIBLE = "StaffDocument.visible";

  public static final String VISIBLE_BY_IDS = "StaffDocument.visibleByIds";
  public static final String ALL = "StaffDocument.all";

  @Id
  @SequenceGenerator(
      name = "staff_document_seq",
      sequenceName = "staff_document_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_document_seq")
  private Long id;

  @Column(nullable = false, length = 40)
  private String agency;

  @Column(nullable = false, length = 10)
  private String language;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 100_000)
  private String body;

  @Column(nullable = false, length = 400)
  private String marking;

  @Column(name = "level_rank", nullable = false)
  private int levelRank;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "staff_document_compartment",
      joinColumns = @JoinColumn(name = "document_id"))
  @Column(name = "compartment", nullable = false, length = 60)
  private Set<String> compartments = new TreeSet<>();

  @Column(nullable = false, length = 10)
  private String releasability;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "staff_document_release", joinColumns = @JoinColumn(name = "document_id"))
  @Column(name = "nation", nullable = false, length = 40)
  private Set<String> releasableTo = new TreeSet<>();

  @Column(name = "created_by", nullable = false, length = 80)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected StaffDocument() {}

  public StaffDocument(
      String agency,
      String language,
      String title,
      String body,
      Label label,
      String createdBy,
      Instant now) {
    this.agency = RequiredText.of("agency", agency, 40);
    this.language = Objects.requireNonNull(language, "language");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    revise(title, body, now);
    relabel(label);
  }

  /** Changes the text; the label stays. */
  public void revise(String title, String body, Instant now) {
    this.title = RequiredText.of("title", title, 200);
    this.body = RequiredText.of("body", body, 100_000);
    this.updatedAt = Objects.requireNonNull(now, "now");
  }

  /**
   * Keeps or raises the label.
   *
   * @throws IllegalArgumentException if the new label does not dominate the current one
   */
  public void raiseTo(Label label, ClassificationScheme scheme) {
    if (!label.dominates(label(scheme))) {
      throw new IllegalArgumentException(
          "An edit cannot lower the label from " + marking + " to " + Marking.format(label));
    }
    relabel(label);
  }

  /**
   * Lowers the label: declassification, which the boundary allows only to declassifiers, with a
   * reason, and audits.
   *
   * @throws IllegalArgumentException if the new label is not below or equal to the current one
   */
  public void declassifyTo(Label label, ClassificationScheme scheme) {
    if (!label(scheme).dominates(label)) {
      throw new IllegalArgumentException(
          "Declassification can only lower the label from "
              + marking
              + ", not change it to "
              + Marking.format(label));
    }
    relabel(label);
  }

  private void relabel(Label label) {
    this.marking = Marking.format(label);
    this.levelRank = label.level();
    this.compartments = new TreeSet<>(label.compartments());
    Releasability r = label.releasability();
    this.releasability =
        switch (r.kind()) {
          case UNRESTRICTED -> "ALL";
          case NOFORN -> "NOFORN";
          case REL_TO -> "REL";
        };
    this.releasableTo = new TreeSet<>(r.nations());
  }

  /** The document's label in its tenant's scheme. */
  public Label label(ClassificationScheme scheme) {
    return Marking.parse(scheme, marking);
  }

  public Long id() {
    return id;
  }

  public String agency() {
    return agency;
  }

  public String language() {
    return language;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public String marking() {
    return marking;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
