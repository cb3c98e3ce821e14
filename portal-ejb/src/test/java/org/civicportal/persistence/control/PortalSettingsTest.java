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
        .isEqualTo(
            "jdbc:h2:file:" + Path.of("data", "db", "portal").toAbsolutePath() + ";WRITE_DELAY=0");
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
  void anOwnH2UrlGetsEveryCommitWrittenAtOnceToo_issue14() {
    PortalSettings settings =
        new PortalSettings(
            new Properties(), Map.of("PORTAL_DB_URL", "jdbc:h2:file:/srv/portal/db;MODE=Regular"));

    assertThat(settings.dbUrl())
        .isEqualTo("jdbc:h2:file:/srv/portal/db;MODE=Regular;WRITE_DELAY=0");
    assertThat(settings.delaysCommits()).isFalse();
  }

  @Test
  void anOwnWriteDelayIsKeptAndFlaggedUnlessZero_issue14() {
    PortalSettings delaying =
        new PortalSettings(
            new Properties(), Map.of("PORTAL_DB_URL", "jdbc:h2:./portal;write_delay=500"));
    PortalSettings zero =
        new PortalSettings(
            new Properties(), Map.of("PORTAL_DB_URL", "jdbc:h2:./portal;WRITE_DELAY=0"));

    assertThat(delaying.dbUrl()).isEqualTo("jdbc:h2:./portal;write_delay=500");
    assertThat(delaying.delaysCommits()).isTrue();
    assertThat(zero.dbUrl()).isEqualTo("jdbc:h2:./portal;WRITE_DELAY=0");
    assertThat(zero.delaysCommits()).isFalse();
  }

  @Test
  void otherUrlsAreLeftAlone() {
    assertThat(PortalSettings.withCommitsWrittenAtOnce("jdbc:postgresql://db:5432/portal"))
        .isEqualTo("jdbc:postgresql://db:5432/portal");
    assertThat(PortalSettings.withCommitsWrittenAtOnce("jdbc:h2:mem:portal"))
        .isEqualTo("jdbc:h2:mem:portal");
  }

  @Test
  void trustsNoProxyByDefault() {
    PortalSettings settings = new PortalSettings(new Properties(), Map.of());

    assertThat(settings.trustedProxies()).isEmpty();
  }

  @Test
  void trustedProxiesAreAddressesAndBlocksSeparatedByCommas() {
    PortalSettings settings =
        new PortalSettings(
            new Properties(),
            Map.of("PORTAL_TRUSTED_PROXIES", " 10.0.0.7, 192.168.0.0/16 ,::1,fd00::/8,"));

    assertThat(settings.trustedProxies())
        .containsExactly("10.0.0.7", "192.168.0.0/16", "::1", "fd00::/8");
  }

  @Test
  void trustedProxiesComeFromTheSystemPropertyFirst() {
    Properties system = new Properties();
    system.setProperty("portal.trusted.proxies", "127.0.0.1");

    PortalSettings settings =
        new PortalSettings(system, Map.of("PORTAL_TRUSTED_PROXIES", "10.0.0.1"));

    assertThat(settings.trustedProxies()).containsExactly("127.0.0.1");
  }

  @Test
  void aHostNameOrAMalformedAddressIsNotATrustedProxy() {
    for (String wrong :
        new String[] {
          "proxy.example", "256.1.1.1", "10.0.0", "10.0.0.0/33", "::1/129", "1:2", "*"
        }) {
      assertThatThrownBy(
              () -> new PortalSettings(new Properties(), Map.of("PORTAL_TRUSTED_PROXIES", wrong)))
          .as(wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PORTAL_TRUSTED_PROXIES")
          .hasMessageContaining(wrong);
    }
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
