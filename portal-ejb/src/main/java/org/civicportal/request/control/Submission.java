package org.civicportal.request.control;

import java.util.List;
import java.util.Optional;
import org.civicportal.form.control.Answers;
import org.civicportal.request.entity.RequestChannel;

/**
 * What is submitted: the service, the answers, who (a signed-in citizen, or a guest's e-mail), how,
 * the key that makes a retry the same request, the draft whose files it takes along, and the label
 * the submitter asks for, if any.
 */
public record Submission(
    String serviceCode,
    String language,
    Answers answers,
    Optional<String> citizen,
    Optional<String> email,
    RequestChannel channel,
    Optional<String> idempotencyKey,
    Optional<Long> clientKey,
    Optional<Long> draftId,
    List<NewFile> files,
    Optional<String> classification) {

  public Submission {
    files = List.copyOf(files);
  }

  /** A submission that asks for no label: the tenant's lowest level. */
  public Submission(
      String serviceCode,
      String language,
      Answers answers,
      Optional<String> citizen,
      Optional<String> email,
      RequestChannel channel,
      Optional<String> idempotencyKey,
      Optional<Long> clientKey,
      Optional<Long> draftId,
      List<NewFile> files) {
    this(
        serviceCode,
        language,
        answers,
        citizen,
        email,
        channel,
        idempotencyKey,
        clientKey,
        draftId,
        files,
        Optional.empty());
  }

  /** A file sent with the submission itself (through the API). */
  public record NewFile(String question, String fileName, byte[] bytes) {}
}
