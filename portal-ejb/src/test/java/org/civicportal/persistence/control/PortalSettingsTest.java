package org.civicportal.persistence.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PortalSettingsTest {

  @Test
  void defaultsToAnH2DatabaseUnderDataWithDemoOn() {
    PortalSettings settings = new PortalSettings(new Properties(), Map.of());

    assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(settings.dbUrl())
        .isEqualTo("jdbc:h2:file:" + Path.of("data", "db", "portal").toAbsolutePath());
    assertThat(settings.indexDir()).isEqualTo(Path.of("data", "index").toAbsolutePath());
    assertThat(settings.demo()).isTrue();
    assertThat(settings.isPostgreSql()).isFalse();
  }

  @Test
  void environmentChoosesPostgreSqlAndTurnsDemoOff() {
    PortalSettings settings =
        new PortalSettings(
            new Properties(),
            Map.of(
                "PORTAL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/portal",
                "PORTAL_DB_USER", "portal",
                "PORTAL_DB_PASSWORD", "secret",
                "PORTAL_DATA_DIR", "/srv/portal"));

    assertThat(settings.isPostgreSql()).isTrue();
    assertThat(settings.dbUser()).isEqualTo("portal");
    assertThat(settings.dbPassword()).isEqualTo("secret");
    assertThat(settings.indexDir()).isEqualTo(Path.of("/srv/portal/index"));
    assertThat(settings.demo()).isFalse();
  }

  @Test
  void systemPropertyWinsOverEnvironmentAndDemoCanBeSwitchedOff() {
    Properties system = new Properties();
    system.setProperty("portal.data.dir", "/opt/one");

    PortalSettings settings =
        new PortalSettings(system, Map.of("PORTAL_DATA_DIR", "/opt/two", "PORTAL_DEMO", "false"));

    assertThat(settings.dataDir()).isEqualTo(Path.of("/opt/one"));
    assertThat(settings.demo()).isFalse();
  }

  @Test
  void auditAnchorsGoUnderTheDataDirectoryUnlessPointedElsewhere() {
    PortalSettings defaults =
        new PortalSettings(new Properties(), Map.of("PORTAL_DATA_DIR", "/srv/portal"));
    PortalSettings elsewhere =
        new PortalSettings(
            new Properties(),
            Map.of("PORTAL_DATA_DIR", "/srv/portal", "PORTAL_AUDIT_ANCHOR_DIR", "/worm/portal"));

    assertThat(defaults.auditAnchorDir()).isEqualTo(Path.of("/srv/portal/audit"));
    assertThat(defaults.auditKey()).isEmpty();
    assertThat(elsewhere.auditAnchorDir()).isEqualTo(Path.of("/worm/portal"));
  }

  @Test
  void theAuditKeyIsBase64OfAtLeast32Bytes() {
    byte[] key = new byte[32];
    key[0] = 7;
    String encoded = Base64.getEncoder().encodeToString(key);

    PortalSettings good = new PortalSettings(new Properties(), Map.of("PORTAL_AUDIT_KEY", encoded));
    PortalSettings notBase64 =
        new PortalSettings(new Properties(), Map.of("PORTAL_AUDIT_KEY", "not base64!"));
    PortalSettings tooShort =
        new PortalSettings(
            new Properties(),
            Map.of("PORTAL_AUDIT_KEY", Base64.getEncoder().encodeToString(new byte[16])));

    assertThat(good.auditKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
    assertThatThrownBy(notBase64::auditKey)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PORTAL_AUDIT_KEY is not base64");
    assertThatThrownBy(tooShort::auditKey)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 32 bytes");
  }
}
