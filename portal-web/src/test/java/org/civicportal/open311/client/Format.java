package org.civicportal.open311.client;

/** The two GeoReport v2 response formats, named by the extension the URLs end in. */
public enum Format {
  JSON("json"),
  XML("xml");

  private final String extension;

  Format(String extension) {
    this.extension = extension;
  }

  /** The path suffix without its dot: {@code services.json}, {@code requests.xml}. */
  public String extension() {
    return extension;
  }
}
