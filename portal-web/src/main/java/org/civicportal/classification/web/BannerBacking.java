package org.civicportal.classification.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The classification banner of the page being rendered: the highest label of what the page shows,
 * set by the page's backing bean, with a colour by level. Colours keep a contrast of at least 4.5:1
 * with their text (see the theme's {@code .banner-level-*} rules).
 */
@Named("banner")
@RequestScoped
public class BannerBacking {
  private String marking;
  private int level;

  /** Shows {@code marking} (a label of level rank {@code level}) on this page. */
  public void show(String marking, int level) {
    this.marking = marking;
    this.level = level;
  }

  public boolean isShown() {
    return marking != null;
  }

  public String getMarking() {
    return marking;
  }

  public String getStyleClass() {
    return "classification-banner banner-level-" + Math.min(level, 4);
  }

  public String getLevelWord() {
    return marking == null ? "" : marking.split("//")[0].toLowerCase(Locale.ROOT);
  }
}
