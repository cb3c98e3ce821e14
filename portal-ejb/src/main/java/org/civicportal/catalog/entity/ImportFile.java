package org.civicportal.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.Objects;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** The file an import job applies, read only by the job's runner. */
@Entity
@Table(name = "import_file")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
public class ImportFile {
  @Id
  @Column(name = "job_id")
  private Long jobId;

  @Lob
  @Column(nullable = false)
  private String content;

  protected ImportFile() {}

  public ImportFile(long jobId, String content) {
    this.jobId = jobId;
    this.content = Objects.requireNonNull(content, "content");
  }

  public String content() {
    return content;
  }
}
