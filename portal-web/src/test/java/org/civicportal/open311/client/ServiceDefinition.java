package org.civicportal.open311.client;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/** GET services/{code}: the extra questions of one service type, in document order. */
public record ServiceDefinition(String code, List<Attribute> attributes) {

  public ServiceDefinition {
    attributes = List.copyOf(attributes);
  }

  /** The attributes by {@code order} (1 first), those without an order last. */
  public List<Attribute> inDisplayOrder() {
    return attributes.stream()
        .sorted(Comparator.comparingInt(a -> a.order().orElse(Integer.MAX_VALUE)))
        .toList();
  }

  /** One question; {@code variable == false} means it only shows {@code description}. */
  public record Attribute(
      boolean variable,
      String code,
      String datatype,
      boolean required,
      String datatypeDescription,
      OptionalInt order,
      String description,
      List<Value> values) {

    public Attribute {
      values = List.copyOf(values);
    }

    static Attribute from(Payload.Obj obj) {
      return new Attribute(
          Service.bool(obj.text("variable")),
          obj.text("code"),
          obj.text("datatype"),
          Service.bool(obj.text("required")),
          obj.text("datatype_description"),
          integer(obj.text("order")),
          obj.text("description"),
          Payload.recordsUnder(obj, "values", "value", "key").stream()
              .map(v -> new Value(v.text("key"), v.text("name")))
              .toList());
    }

    private static OptionalInt integer(String value) {
      try {
        return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
  }

  /** One choice of a list attribute: {@code key} is sent back, {@code name} is shown. */
  public record Value(String key, String name) {}

  static ServiceDefinition from(Payload.Obj obj) {
    return new ServiceDefinition(
        obj.text("service_code"),
        Payload.recordsUnder(obj, "attributes", "attribute", "datatype").stream()
            .map(Attribute::from)
            .toList());
  }
}
