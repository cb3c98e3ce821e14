package org.civicportal.open311.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One service type of GET services. Text fields are never null: absent, empty and {@code "null"}
 * all read as the empty string. A numeric JSON code ({@code 1}) reads as its literal ({@code "1"}),
 * so it may differ from the XML form of the same service ({@code "001"}).
 */
public record Service(
    String code,
    String name,
    String description,
    boolean metadata,
    String type,
    String keywords,
    String group) {

  /** The comma-separated keywords, trimmed, without empty entries. */
  public List<String> keywordList() {
    return Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
  }

  static Service from(Payload.Obj obj) {
    return new Service(
        obj.text("service_code"),
        obj.text("service_name"),
        obj.text("description"),
        bool(obj.text("metadata")),
        obj.text("type"),
        obj.text("keywords"),
        obj.text("group"));
  }

  static boolean bool(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("1") || v.equals("yes");
  }
}
