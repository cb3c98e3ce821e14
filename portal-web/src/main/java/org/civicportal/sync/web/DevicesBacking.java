package org.civicportal.sync.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.sync.boundary.Devices;
import org.civicportal.sync.entity.Device;
import org.civicportal.sync.entity.DeviceState;
import org.civicportal.web.Messages;

/** {@code /staff/devices}: tenant admins accredit, suspend, approve again and wipe devices. */
@Named
@RequestScoped
public class DevicesBacking {
  @Inject Devices devices;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments documents;
  @Inject FacesContext faces;

  private final Map<Long, String> accreditations = new HashMap<>();
  private List<Device> all;
  private Duration grace;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    if (!access.isTenantAdmin()) {
      faces.getExternalContext().responseSendError(403, "Tenant admins only");
      faces.responseComplete();
      return;
    }
    banner.show(documents.highest(List.of()), 0);
  }

  public List<Device> getAll() {
    if (all == null) {
      all = devices.all();
      all.forEach(d -> accreditations.putIfAbsent(d.id(), d.accreditation()));
    }
    return all;
  }

  public Map<Long, String> getAccreditations() {
    return accreditations;
  }

  public String getGracePeriod() {
    return grace().toString();
  }

  private Duration grace() {
    if (grace == null) {
      grace = devices.gracePeriod();
    }
    return grace;
  }

  /** What the state column says. */
  public String stateOf(Device d) {
    if (d.state() == DeviceState.ACTIVE && d.isStale(Instant.now(), grace())) {
      return Messages.text("devices.state.stale");
    }
    return Messages.text("devices.state." + d.state().name().toLowerCase(java.util.Locale.ROOT));
  }

  public String accredit(long id) {
    return act(id, d -> devices.accredit(d, accreditations.get(d)), "devices.accredited");
  }

  public String suspend(long id) {
    return act(id, devices::suspend, "devices.suspended");
  }

  public String approve(long id) {
    return act(id, devices::approve, "devices.approved");
  }

  public String wipe(long id) {
    return act(id, devices::wipe, "devices.wiped");
  }

  private String act(long id, LongFunction<Device> action, String done) {
    banner.show(documents.highest(List.of()), 0);
    try {
      Device d = action.apply(id);
      Messages.info(Messages.format(done, d.name(), d.owner()));
      all = null;
      accreditations.clear();
    } catch (InvalidInputException | ConflictException | NoSuchRecordException e) {
      Messages.error(e.getMessage());
    }
    return null;
  }
}
