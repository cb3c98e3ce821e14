package org.civicportal.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code civic-portal.jar}: turns the portal's environment variables into Payara
 * Micro options, then boots Payara Micro with the portal deployed at the root context.
 *
 * <ul>
 *   <li>{@code PORTAL_PORT} (default 8080) — the HTTP port;
 *   <li>{@code PORTAL_BIND} (default 127.0.0.1) — the address the HTTP listener binds to;
 *   <li>{@code PORTAL_DATA_DIR}, {@code PORTAL_DB_URL}, {@code PORTAL_DB_USER}, {@code
 *       PORTAL_DB_PASSWORD}, {@code PORTAL_DEMO} — read by the application itself.
 * </ul>
 *
 * A single node opens no cluster port: the data grid is switched off before boot. The HTTP listener
 * opens once the portal is deployed, so nothing answers for it while it starts. Extra command-line
 * arguments are passed to Payara Micro unchanged.
 */
public final class Launcher {
  private static final String LISTENER =
      "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    List<String> options =
        options(
            System.getenv(),
            write("civic-portal-preboot", preBootCommands(System.getenv())),
            write("civic-portal-postdeploy", List.of(LISTENER + ".enabled=true")));
    options.addAll(Arrays.asList(args));
    fish.payara.micro.PayaraMicro.main(options.toArray(String[]::new));
  }

  static List<String> options(Map<String, String> env, Path preBoot, Path postDeploy) {
    String port = env.getOrDefault("PORTAL_PORT", "8080").strip();
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException(
          "PORTAL_PORT must be a port number from 1 to 65535, not '" + port + "'");
    }
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "--port",
            port,
            "--prebootcommandfile",
            preBoot.toString(),
            "--postdeploycommandfile",
            postDeploy.toString()));
    return options;
  }

  static List<String> preBootCommands(Map<String, String> env) {
    String bind = env.getOrDefault("PORTAL_BIND", "127.0.0.1").strip();
    if (!bind.matches("[0-9A-Za-z.:\\-]+")) {
      throw new IllegalArgumentException(
          "PORTAL_BIND must be an IP address or host name, not '" + bind + "'");
    }
    return List.of(
        LISTENER + ".address=" + bind,
        // Nothing listens until the portal is deployed: while Payara swaps its default web module
        // for the portal at "/", every request found no application and got a 500 with an empty
        // body (health checks included). The post-deploy commands switch the listener on.
        LISTENER + ".enabled=false",
        // Switching the listener on re-creates the virtual server, which then signs users in
        // through Hazelcast-backed single sign-on; with the data grid off every sign-in failed
        // (500). One application needs no single sign-on across applications.
        "set configs.config.server-config.http-service.virtual-server.server.sso-enabled=false",
        "set configs.config.server-config.availability-service.web-container-availability.sso-failover-enabled=false",
        "set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false",
        "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false",
        // A citizen may paste a long text into search: let it reach the portal, which answers with
        // a 400
        // problem, instead of being cut off with a bare 414 by the HTTP listener.
        "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.header-buffer-length-bytes=65536");
  }

  private static Path write(String name, List<String> commands) throws IOException {
    Path file = Files.createTempFile(name, ".asadmin");
    file.toFile().deleteOnExit();
    Files.write(file, commands, StandardCharsets.UTF_8);
    return file;
  }
}
