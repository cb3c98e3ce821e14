package org.civicportal.catalog.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.boundary.ServiceEditor;
import org.civicportal.catalog.entity.Channel;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.RevisionState;
import org.civicportal.catalog.entity.RevisionText;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.catalog.entity.ServiceText;
import org.civicportal.catalog.entity.TranslationStatus;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * {@code /staff/service?id=&text=}: an agency editor writes a service's draft in one language at a
 * time and submits it; a reviewer publishes it now or at a time, or sends it back with a comment; a
 * published service can be archived. Without an id the page starts a new service. Nothing typed is
 * lost when the server refuses something: the form stays as it was, with the message.
 */
@Named
@ViewScoped
public class EditServiceBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ServiceEditor editor;
  @Inject PublicServices catalogue;
  @Inject Tenants tenants;
  @Inject StaffAccess access;
  @Inject LanguageBacking language;
  @Inject FacesContext faces;

  private String id;
  private String lang;
  private String agency;
  private String category;
  private List<String> channels = new ArrayList<>();
  private String tags;
  private Integer processingDays;
  private String title;
  private String summary;
  private String body;
  private String eligibility;
  private String documentsNeeded;
  private String fees;
  private String processingTime;
  private String contact;
  private String publishAt;
  private String comment;

  private transient PublicService service;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    if (isNew()) {
      if (!access.isEditor()) {
        notFound();
        return;
      }
      if (lang == null || !getLocales().contains(lang)) {
        lang = getLocales().get(0);
      }
      if (agency == null && access.subject().agencies().size() == 1) {
        agency = access.subject().agencies().iterator().next();
      }
      return;
    }
    if (service() == null) {
      notFound();
      return;
    }
    fill();
  }

  private void notFound() throws IOException {
    faces.getExternalContext().responseSendError(404, "No such service");
    faces.responseComplete();
  }

  /** Copies the newest revision's facts and its text in the chosen language into the form. */
  private void fill() {
    ServiceRevision r = service().latest();
    if (lang == null || !getLocales().contains(lang)) {
      lang = r.sourceLanguage();
    }
    category = r.category().orElse(null);
    channels = new ArrayList<>(r.channels().stream().map(Channel::external).toList());
    tags = String.join(", ", r.tags());
    processingDays = r.processingDays().orElse(null);
    RevisionText text = r.text(lang).orElse(null);
    title = text == null ? null : text.title();
    summary = text == null ? null : text.summary();
    body = text == null ? null : text.body();
    eligibility = text == null ? null : text.eligibility();
    documentsNeeded = text == null ? null : text.documentsNeeded();
    fees = text == null ? null : text.fees();
    processingTime = text == null ? null : text.processingTime();
    contact = text == null ? null : text.contact();
  }

  private PublicService service() {
    if (service == null && !isNew()) {
      try {
        service = editor.find(Long.parseLong(id)).orElse(null);
      } catch (NumberFormatException e) {
        service = null;
      }
    }
    return service;
  }

  private void reload() {
    service = null;
    service();
  }

  // --- actions ---------------------------------------------------------------------------------

  public void create() throws IOException {
    try {
      PublicService created =
          editor.create(
              blank(agency) ? null : agency,
              lang,
              ServiceText.of(title, summary, body),
              blank(category) ? null : category,
              null);
      faces.getExternalContext().getFlash().put("notice", text("service.created"));
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/staff/service?id="
                  + created.id());
    } catch (InvalidInputException | NotPermittedException | ConflictException e) {
      error(e);
    }
  }

  public void save() {
    if (write()) {
      info("service.saved");
      reload();
    }
  }

  private boolean write() {
    long serviceId = Long.parseLong(id);
    try {
      editor.edit(
          serviceId,
          lang,
          null,
          new ServiceText(
              nullToEmpty(title),
              nullToEmpty(summary),
              nullToEmpty(body),
              nullToEmpty(eligibility),
              nullToEmpty(documentsNeeded),
              nullToEmpty(fees),
              nullToEmpty(processingTime),
              nullToEmpty(contact)),
          new ServiceEditor.Facts(
              category == null ? "" : category,
              channels,
              tags == null || tags.isBlank()
                  ? List.of()
                  : Arrays.stream(tags.split(","))
                      .map(String::strip)
                      .filter(t -> !t.isEmpty())
                      .toList(),
              null,
              null,
              processingDays));
      return true;
    } catch (InvalidInputException | NotPermittedException | ConflictException e) {
      error(e);
      return false;
    } catch (NoSuchRecordException e) {
      error(e);
      return false;
    }
  }

  public void submit() {
    if (!write()) {
      return;
    }
    act(() -> editor.submit(Long.parseLong(id)), "service.submitted");
  }

  public void publish() {
    act(() -> editor.publish(Long.parseLong(id), null), "service.published");
  }

  public void schedule() {
    Instant at;
    try {
      at = LocalDateTime.parse(publishAt == null ? "" : publishAt).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      faces.addMessage(
          "serviceForm:publishAt",
          new FacesMessage(FacesMessage.SEVERITY_ERROR, text("service.schedule.invalid"), null));
      return;
    }
    act(() -> editor.publish(Long.parseLong(id), at), "service.scheduled");
  }

  public void sendBack() {
    act(() -> editor.reject(Long.parseLong(id), comment), "service.sentBack");
    comment = null;
  }

  public void archive() {
    act(() -> editor.archive(Long.parseLong(id), null), "service.archived");
  }

  private void act(Runnable action, String doneKey) {
    try {
      action.run();
      info(doneKey);
      reload();
      fill();
    } catch (InvalidInputException
        | NotPermittedException
        | ConflictException
        | NoSuchRecordException e) {
      error(e);
    }
  }

  private void error(RuntimeException e) {
    String field = e instanceof InvalidInputException invalid ? fieldId(invalid.parameter()) : null;
    faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
  }

  private static String fieldId(String parameter) {
    return switch (parameter == null ? "" : parameter) {
      case "title", "summary", "body", "agency", "category", "comment", "lang" ->
          "serviceForm:" + parameter;
      default -> null;
    };
  }

  private void info(String key) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key), null));
  }

  private String text(String key) {
    return ResourceBundle.getBundle("i18n.messages", language.getLocale()).getString(key);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  // --- what the page shows ---------------------------------------------------------------------

  public boolean isNew() {
    return id == null || id.isBlank();
  }

  public PublicService getService() {
    return service();
  }

  public ServiceRevision getRevision() {
    return service() == null ? null : service().latest();
  }

  public String getState() {
    return getRevision() == null ? "draft" : getRevision().state().external();
  }

  /** True when the editor may change the text: an editor, on a draft or a published service. */
  public boolean isEditable() {
    if (!access.isEditor()) {
      return false;
    }
    if (isNew()) {
      return true;
    }
    RevisionState state = getRevision().state();
    return state != RevisionState.IN_REVIEW && state != RevisionState.SCHEDULED;
  }

  public boolean isSubmittable() {
    return access.isEditor() && !isNew() && getRevision().state() == RevisionState.DRAFT;
  }

  public boolean isReviewable() {
    return access.isReviewer()
        && !isNew()
        && (getRevision().state() == RevisionState.IN_REVIEW
            || getRevision().state() == RevisionState.SCHEDULED);
  }

  public boolean isArchivable() {
    return access.isReviewer() && !isNew() && service().isPublished();
  }

  public List<String> getLocales() {
    return tenants.byCode(CurrentTenant.code()).orElseThrow().locales();
  }

  /** Each locale with the status of the newest revision's text in it. */
  public List<Map.Entry<String, String>> getTranslations() {
    List<Map.Entry<String, String>> list = new ArrayList<>();
    if (getRevision() == null) {
      return list;
    }
    for (Map.Entry<String, TranslationStatus> e :
        getRevision().translationStatus(getLocales()).entrySet()) {
      list.add(Map.entry(e.getKey(), e.getValue().external()));
    }
    return list;
  }

  public List<PublicServices.Term> getCategories() {
    return catalogue.categories();
  }

  public String categoryName(PublicServices.Term c) {
    return c.nameIn(language.getCode());
  }

  public List<String> getAgencies() {
    return new ArrayList<>(access.subject().agencies());
  }

  public List<String> getChannelChoices() {
    return Arrays.stream(Channel.values()).map(Channel::external).toList();
  }

  // --- form fields -------------------------------------------------------------------------------

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getLang() {
    return lang;
  }

  public void setLang(String lang) {
    this.lang = lang;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public List<String> getChannels() {
    return channels;
  }

  public void setChannels(List<String> channels) {
    this.channels = channels == null ? new ArrayList<>() : new ArrayList<>(channels);
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags;
  }

  public Integer getProcessingDays() {
    return processingDays;
  }

  public void setProcessingDays(Integer processingDays) {
    this.processingDays = processingDays;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getEligibility() {
    return eligibility;
  }

  public void setEligibility(String eligibility) {
    this.eligibility = eligibility;
  }

  public String getDocumentsNeeded() {
    return documentsNeeded;
  }

  public void setDocumentsNeeded(String documentsNeeded) {
    this.documentsNeeded = documentsNeeded;
  }

  public String getFees() {
    return fees;
  }

  public void setFees(String fees) {
    this.fees = fees;
  }

  public String getProcessingTime() {
    return processingTime;
  }

  public void setProcessingTime(String processingTime) {
    this.processingTime = processingTime;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }

  public String getPublishAt() {
    return publishAt;
  }

  public void setPublishAt(String publishAt) {
    this.publishAt = publishAt;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
