package org.civicportal.web;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every Arquillian test uses: the real WAR from this module's build output,
 * exactly as it ships, plus test libraries when a test runs inside the container.
 */
public final class Deployments {
  private Deployments() {}

  public static WebArchive portal() {
    String war = System.getProperty("portal.war", "target/portal-web.war");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war));
  }

  /** The portal plus AssertJ, for tests that run inside the server. */
  public static WebArchive portalWithAssertions(Class<?>... testClasses) {
    return portal()
        .addClasses(testClasses)
        .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
