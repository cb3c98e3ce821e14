package org.civicportal.open311.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A service discovery document: where a jurisdiction's endpoints are, which spec and formats each
 * speaks. {@code changeset} is kept as sent ("2011-09-1 17:35" occurs).
 */
public record Discovery(
    String changeset, String contact, String keyService, List<Endpoint> endpoints) {

  public Discovery {
    endpoints = List.copyOf(endpoints);
  }

  /** One endpoint; {@code formats} are media types such as {@code text/xml}. */
  public record Endpoint(
      String specification, String url, String changeset, String type, List<String> formats) {

    public Endpoint {
      formats = List.copyOf(formats);
    }

    static Endpoint from(Payload.Obj obj) {
      return new Endpoint(
          obj.text("specification"),
          obj.text("url"),
          obj.text("changeset"),
          obj.text("type"),
          formats(obj));
    }

    // JSON: "formats": ["text/xml", ...]; XML: <formats><format>text/xml</format>...</formats>
    private static List<String> formats(Payload.Obj obj) {
      List<String> formats = new ArrayList<>();
      for (Payload.Tree tree : obj.all("formats")) {
        List<Payload.Tree> items =
            tree instanceof Payload.Arr arr
                ? arr.items()
                : tree instanceof Payload.Obj inner ? inner.all("format") : List.of(tree);
        for (Payload.Tree item : items) {
          if (item instanceof Payload.Text text && Payload.meaningful(text.value())) {
            formats.add(text.value().strip());
          }
        }
      }
      return formats;
    }
  }

  static Discovery from(Payload.Obj obj) {
    return new Discovery(
        obj.text("changeset"),
        obj.text("contact"),
        obj.text("key_service"),
        Payload.recordsUnder(obj, "endpoints", "endpoint", "url").stream()
            .map(Endpoint::from)
            .toList());
  }
}
