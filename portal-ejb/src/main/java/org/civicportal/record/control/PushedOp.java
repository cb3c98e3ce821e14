package org.civicportal.record.control;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicportal.problem.boundary.InvalidInputException;

/**
 * An operation a device pushed: its id (unique per device), its type, the record it names (null to
 * create one), the version the edit was made on, and its data.
 */
public record PushedOp(
    String opId, String type, Long id, Long baseVersion, Map<String, String> data) {

  public PushedOp {
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** A field of the data that must be there. */
  public String required(String field) {
    String value = data.get(field);
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "The operation's data needs " + field + ".");
    }
    return value;
  }

  /** The version an edit was made on, which every edit names. */
  public long requiredBaseVersion() {
    if (baseVersion == null) {
      throw new InvalidInputException(
          "baseVersion", "An edit names the version it was made on (baseVersion).");
    }
    return baseVersion;
  }

  /** The start of this operation's result: its id and status. */
  public Map<String, Object> result(String status) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("opId", opId);
    result.put("status", status);
    return result;
  }
}
