package org.civicportal.record.control;

import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.identity.control.Subject;
import org.civicportal.problem.boundary.NotPermittedException;

/**
 * A device as record kinds see it: its user, its accreditation, and the one rule of what it may
 * hold ({@link ClearancePolicy#mayHold}: its user may read it and its accreditation dominates it).
 */
public record DeviceView(
    Subject user, Label accreditation, ClassificationScheme scheme, ClearancePolicy policy) {

  /** Whether the device may hold a record with this label. */
  public boolean mayHold(Label label) {
    return policy.mayHold(user, accreditation, label);
  }

  /** Refuses a write the device may not hold. */
  public void requireHoldable(Label label) {
    if (!mayHold(label)) {
      throw new NotPermittedException(
          "This device may not hold "
              + Marking.format(label)
              + ": it is above the device's accreditation or your clearance.");
    }
  }

  /** Whether the device may hold this case (a service request). */
  public boolean mayHoldCase(ClearancePolicy.Case c) {
    return policy.mayHoldCase(user, accreditation, c);
  }
}
