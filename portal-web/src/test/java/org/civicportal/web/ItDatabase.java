package org.civicportal.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the database of the Payara Micro that Arquillian starts for this test run. With {@code
 * -Dcivic.it.database=postgresql} it starts an embedded PostgreSQL on 127.0.0.1 before any test and
 * stops it after the last; otherwise the portal uses its default embedded H2. Either way it writes
 * the system properties file that Payara Micro reads at boot ({@code --systemproperties}).
 */
public class ItDatabase implements LauncherSessionListener {
  /** Where the portal under test sends its e-mails. */
  public static final int SMTP_PORT = 3025;

  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String file = System.getProperty("civic.it.systemProperties");
    if (file == null) {
      return;
    }
    try {
      // the registration tests run a GreenMail SMTP server on this port
      List<String> lines =
          new ArrayList<>(
              List.of(
                  "portal.smtp.host=127.0.0.1",
                  "portal.smtp.port=" + SMTP_PORT,
                  // tests on 127.0.0.1 may stand for a TLS proxy by sending X-Forwarded-Proto
                  "portal.trusted.proxies=127.0.0.1"));
      if ("postgresql".equals(System.getProperty("civic.it.database"))) {
        postgres =
            EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        lines.addAll(
            List.of(
                "portal.db.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "portal.db.user=postgres",
                "portal.db.password=postgres",
                "portal.demo=true"));
      }
      Path path = Path.of(file);
      Files.createDirectories(path.getParent());
      Files.write(path, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        // the server process goes with the temporary folder it was extracted to
      }
    }
  }
}
