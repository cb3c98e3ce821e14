package org.civicportal.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

  @Test
  void defaultsToPort8080OnLoopbackWithNoClusterPort() {
    assertThat(Launcher.options(Map.of(), Path.of("/tmp/p"), Path.of("/tmp/d")))
        .containsExactly(
            "--port",
            "8080",
            "--prebootcommandfile",
            "/tmp/p",
            "--postdeploycommandfile",
            "/tmp/d");
    assertThat(Launcher.preBootCommands(Map.of()))
        .anySatisfy(c -> assertThat(c).endsWith("http-listener.address=127.0.0.1"))
        .anySatisfy(c -> assertThat(c).endsWith("http-listener.enabled=false"))
        .anySatisfy(
            c -> assertThat(c).endsWith("hazelcast-config-specific-configuration.enabled=false"));
  }

  @Test
  void environmentChoosesPortAndBindAddress() {
    Map<String, String> env = Map.of("PORTAL_PORT", "9090", "PORTAL_BIND", "0.0.0.0");

    assertThat(Launcher.options(env, Path.of("/tmp/p"), Path.of("/tmp/d")))
        .startsWith("--port", "9090");
    assertThat(Launcher.preBootCommands(env)).first().asString().endsWith("address=0.0.0.0");
  }

  @Test
  void badValuesAreRefusedWithTheVariableName() {
    assertThatThrownBy(
            () ->
                Launcher.options(
                    Map.of("PORTAL_PORT", "80a"), Path.of("/tmp/p"), Path.of("/tmp/d")))
        .hasMessageContaining("PORTAL_PORT");
    assertThatThrownBy(
            () ->
                Launcher.options(
                    Map.of("PORTAL_PORT", "70000"), Path.of("/tmp/p"), Path.of("/tmp/d")))
        .hasMessageContaining("PORTAL_PORT");
    assertThatThrownBy(() -> Launcher.preBootCommands(Map.of("PORTAL_BIND", "1.2.3.4\nset x=y")))
        .hasMessageContaining("PORTAL_BIND");
  }
}
