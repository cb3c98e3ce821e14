package org.civicportal.problem.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIMessages;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.component.html.HtmlInputSecret;
import jakarta.faces.component.html.HtmlMessages;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PreRenderViewEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.web.Messages;
import org.primefaces.csp.CspException;

/**
 * What a page answers when its request fails, for every Faces page at once:
 *
 * <ul>
 *   <li>a form sent back with a view state the portal cannot restore (expired with the session, or
 *       garbled), or with a script nonce that is not its page's, is shown again, with a message
 *       saying nothing was done, and with every field the visitor had typed still filled in (never
 *       a password). Status 400;
 *   <li>a change that clashed with another one made at the same time (an optimistic lock, or the
 *       database refusing it) shows the same page again, with what was typed and a message that
 *       nothing was saved. Status 409;
 *   <li>a boundary refusing the visitor ({@link NotPermittedException}) is the 403 page, a record
 *       that is not there for them ({@link NoSuchRecordException}) the 404 page, and input the
 *       boundary refuses ({@link InvalidInputException}) the 400 page;
 *   <li>anything else goes on to the container's 500 page, as before.
 * </ul>
 */
public class FailedPages extends ExceptionHandlerWrapper {
  private static final Logger LOG = Logger.getLogger(FailedPages.class.getName());

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {
    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new FailedPages(getWrapped().getExceptionHandler());
    }
  }

  FailedPages(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext() && faces != null && !faces.getResponseComplete()) {
      ExceptionQueuedEvent event = events.next();
      Throwable failure = event.getContext().getException();
      if (unreadableForm(faces, failure)) {
        events.remove();
        if (faces.getPartialViewContext().isAjaxRequest()) {
          // a partial answer cannot carry a whole page: the browser loads the page again
          reload(faces);
        } else {
          showAgain(faces, viewId(faces, failure));
        }
        continue;
      }
      if (conflict(failure)
          && faces.getViewRoot() != null
          && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE
          && !faces.getExternalContext().isResponseCommitted()) {
        events.remove();
        LOG.log(
            Level.INFO, "A change from a page clashed with another; nothing was saved", failure);
        showMessagesOn(faces, faces.getViewRoot());
        faces.addMessage(
            null,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.text("error.conflict"), null));
        faces.getExternalContext().setResponseStatus(409);
        faces.renderResponse();
        continue;
      }
      int status = statusOf(failure);
      if (status > 0 && !faces.getExternalContext().isResponseCommitted()) {
        events.remove();
        LOG.log(Level.FINE, "Page refused with " + status, failure);
        try {
          faces.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        faces.responseComplete();
      }
    }
    getWrapped().handle();
  }

  /** A posted form whose view could not be restored: expired, or its state garbled. */
  private static boolean unreadableForm(FacesContext faces, Throwable failure) {
    if (find(failure, ViewExpiredException.class) != null) {
      return true;
    }
    // a form whose script nonce is not the one its page was given (PrimeFaces checks it on every
    // post): tampered with, or from a page of another session
    if (find(failure, CspException.class) != null) {
      return true;
    }
    // a view state that is not one the portal wrote fails while restoring, before any of our code
    return faces.getCurrentPhaseId() == PhaseId.RESTORE_VIEW
        && faces.isPostback()
        && find(failure, FacesException.class) != null;
  }

  private static void reload(FacesContext faces) {
    Object request = faces.getExternalContext().getRequest();
    String address =
        request instanceof jakarta.servlet.http.HttpServletRequest http
            ? http.getRequestURI()
            : faces.getExternalContext().getRequestContextPath() + "/";
    try {
      faces.getExternalContext().redirect(address);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  private static String viewId(FacesContext faces, Throwable failure) {
    ViewExpiredException expired = find(failure, ViewExpiredException.class);
    if (expired != null && expired.getViewId() != null) {
      return expired.getViewId();
    }
    return faces.getApplication().getViewHandler().deriveLogicalViewId(faces, requestPath(faces));
  }

  private static String requestPath(FacesContext faces) {
    String servletPath = faces.getExternalContext().getRequestServletPath();
    String pathInfo = faces.getExternalContext().getRequestPathInfo();
    return pathInfo == null ? servletPath : servletPath + pathInfo;
  }

  /**
   * The page again, freshly built, with what was typed put back into its fields as submitted values
   * (rendered as typed, not yet converted or stored), and a message above the form.
   */
  private static void showAgain(FacesContext faces, String viewId) {
    UIViewRoot view = faces.getApplication().getViewHandler().createView(faces, viewId);
    faces.setViewRoot(view);
    view.subscribeToViewEvent(
        PreRenderViewEvent.class,
        new RefillOnRender(new HashMap<>(faces.getExternalContext().getRequestParameterMap())));
    faces.addMessage(
        null,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.text("error.formExpired"), null));
    faces.getExternalContext().setResponseStatus(400);
    faces.renderResponse();
  }

  /**
   * Once the page is built for rendering: every field (never a password) gets what was typed into
   * it, and a page without a place for messages gets one.
   */
  static final class RefillOnRender implements SystemEventListener, Serializable {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, String> typed;

    RefillOnRender(HashMap<String, String> typed) {
      this.typed = typed;
    }

    @Override
    public boolean isListenerForSource(Object source) {
      return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
      FacesContext faces = FacesContext.getCurrentInstance();
      UIViewRoot view = (UIViewRoot) event.getSource();
      view.unsubscribeFromViewEvent(PreRenderViewEvent.class, this);
      view.visitTree(
          VisitContext.createVisitContext(faces),
          (context, component) -> {
            if (component instanceof EditableValueHolder input
                && !(component instanceof HtmlInputSecret)
                && !component.getClass().getSimpleName().equals("Password")) {
              String value = typed.get(component.getClientId(faces));
              if (value != null) {
                input.setSubmittedValue(value);
              }
            }
            return VisitResult.ACCEPT;
          });
      showMessagesOn(faces, view);
    }
  }

  /** A page without a place for messages gets one at the top of its first form. */
  private static void showMessagesOn(FacesContext faces, UIViewRoot view) {
    UIComponent[] found = new UIComponent[2];
    view.visitTree(
        VisitContext.createVisitContext(faces),
        (context, component) -> {
          if (component instanceof UIMessages && found[0] == null) {
            found[0] = component;
          } else if (component instanceof UIForm && found[1] == null) {
            found[1] = component;
          }
          return VisitResult.ACCEPT;
        });
    if (found[0] == null && found[1] != null) {
      HtmlMessages messages = new HtmlMessages();
      messages.setId("formExpired");
      messages.setGlobalOnly(true);
      messages.setStyleClass("error-summary");
      messages.getPassThroughAttributes().put("role", "alert");
      found[1].getChildren().add(0, messages);
    }
  }

  /** Two changes to one record at once, or a change the database refused: nothing was saved. */
  static boolean conflict(Throwable failure) {
    return find(failure, jakarta.persistence.PersistenceException.class) != null
        || find(failure, jakarta.transaction.RollbackException.class) != null;
  }

  static int statusOf(Throwable failure) {
    if (find(failure, NotPermittedException.class) != null) {
      return 403;
    }
    if (find(failure, NoSuchRecordException.class) != null) {
      return 404;
    }
    if (find(failure, InvalidInputException.class) != null) {
      return 400;
    }
    return 0;
  }

  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
