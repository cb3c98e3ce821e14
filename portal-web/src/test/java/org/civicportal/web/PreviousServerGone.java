package org.civicportal.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The Payara Micro connector starts a server per test class and stops the previous one without
 * waiting for it to exit, so a server still shutting down can hold the H2 file (or the port) that
 * the next one needs. Before each deployment this waits, up to a minute, until no Payara Micro of
 * this run's port is alive any more.
 */
public class PreviousServerGone implements LoadableExtension {
  private static final Logger LOG = Logger.getLogger(PreviousServerGone.class.getName());

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(PreviousServerGone.class);
  }

  public void waitFor(@Observes BeforeDeploy event) throws InterruptedException {
    String options = System.getProperty("payara.extraMicroOptions", "");
    String port = options.replaceAll(".*--port (\\d+).*", "$1");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    List<ProcessHandle> alive = servers(port);
    if (!alive.isEmpty()) {
      LOG.info(() -> "Waiting for the previous Payara Micro on port " + port + " to exit");
    }
    while (!alive.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      alive = servers(port);
    }
  }

  private static List<ProcessHandle> servers(String port) {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("payara-micro.jar") && c.contains("--port " + port))
                    .orElse(false))
        .toList();
  }
}
