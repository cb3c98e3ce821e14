package org.civicportal.tenant.control;

import java.util.Locale;

/**
 * Colour contrast as WCAG 2.1 defines it (success criterion 1.4.3): the ratio of the relative
 * luminances of two sRGB colours, from 1:1 to 21:1. Normal text needs at least 4.5:1.
 */
public final class Contrast {
  public static final double AA_TEXT = 4.5;
  public static final String WHITE = "#ffffff";
  public static final String BLACK = "#0b0c0c";

  private Contrast() {}

  /** The contrast ratio of two colours written {@code #rrggbb}. */
  public static double ratio(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** Relative luminance of a {@code #rrggbb} colour. */
  public static double luminance(String colour) {
    String hex = normalise(colour);
    double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
    double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
    double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  private static double channel(int value) {
    double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /**
   * The colour as {@code #rrggbb} in lower case; {@code #rgb} is expanded.
   *
   * @throws IllegalArgumentException when it is not a hex colour
   */
  public static String normalise(String colour) {
    String c = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
    if (c.matches("#[0-9a-f]{3}")) {
      c = "#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3);
    }
    if (!c.matches("#[0-9a-f]{6}")) {
      throw new IllegalArgumentException(
          "Write the colour as #rrggbb, for example #0b3d68: '" + colour + "'");
    }
    return c;
  }

  /** White or near-black, whichever contrasts more with the background. */
  public static String textOn(String background) {
    return ratio(background, WHITE) >= ratio(background, BLACK) ? WHITE : BLACK;
  }
}
