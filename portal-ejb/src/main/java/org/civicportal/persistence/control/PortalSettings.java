package org.civicportal.persistence.control;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the portal keeps its data and which database it uses, read from system properties ({@code
 * portal.data.dir}) or the environment ({@code PORTAL_DATA_DIR}), in that order, with defaults for
 * a first look: an H2 database and a Lucene index under {@code ./data}.
 *
 * <p>Plain Java on purpose: the container's data source is created from these settings before CDI
 * or MicroProfile Config are available to the application.
 */
public final class PortalSettings {
  private final Path dataDir;
  private final String dbUrl;
  private final String dbUser;
  private final String dbPassword;
  private final boolean demo;
  private final String smtpHost;
  private final int smtpPort;
  private final String mailFrom;
  private final String publicUrl;
  private final Path auditAnchorDir;
  private final String auditKey;

  PortalSettings(Properties system, Map<String, String> env) {
    this.dataDir =
        Path.of(read(system, env, "portal.data.dir", "data")).toAbsolutePath().normalize();
    String defaultUrl = "jdbc:h2:file:" + dataDir.resolve("db").resolve("portal");
    this.dbUrl = read(system, env, "portal.db.url", defaultUrl);
    boolean embedded = dbUrl.startsWith("jdbc:h2:");
    this.dbUser = read(system, env, "portal.db.user", embedded ? "sa" : "");
    this.dbPassword = read(system, env, "portal.db.password", "");
    this.demo = Boolean.parseBoolean(read(system, env, "portal.demo", Boolean.toString(embedded)));
    this.smtpHost = read(system, env, "portal.smtp.host", "127.0.0.1");
    this.smtpPort = Integer.parseInt(read(system, env, "portal.smtp.port", "25"));
    this.mailFrom = read(system, env, "portal.mail.from", "no-reply@civicportal.invalid");
    this.publicUrl = read(system, env, "portal.public.url", "");
    this.auditAnchorDir =
        Path.of(read(system, env, "portal.audit.anchor.dir", dataDir.resolve("audit").toString()))
            .toAbsolutePath()
            .normalize();
    this.auditKey = read(system, env, "portal.audit.key", "");
  }

  /** The settings of this process. */
  public static PortalSettings current() {
    return new PortalSettings(System.getProperties(), System.getenv());
  }

  /** The settings these system properties and environment variables give. */
  public static PortalSettings of(Properties system, Map<String, String> env) {
    return new PortalSettings(system, env);
  }

  private static String read(
      Properties system, Map<String, String> env, String key, String fallback) {
    String value = system.getProperty(key);
    if (value == null || value.isBlank()) {
      value = env.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }

  public String dbUrl() {
    return dbUrl;
  }

  public String dbUser() {
    return dbUser;
  }

  public String dbPassword() {
    return dbPassword;
  }

  public boolean isPostgreSql() {
    return dbUrl.startsWith("jdbc:postgresql:");
  }

  /**
   * The SMTP server that sends the portal's e-mails ({@code PORTAL_SMTP_HOST}, {@code
   * PORTAL_SMTP_PORT}).
   */
  public String smtpHost() {
    return smtpHost;
  }

  public int smtpPort() {
    return smtpPort;
  }

  public String mailFrom() {
    return mailFrom;
  }

  /**
   * The address citizens reach the portal at, for links in e-mails ({@code PORTAL_PUBLIC_URL});
   * empty means "the address the request came in on".
   */
  public String publicUrl() {
    return publicUrl;
  }

  /** Whether to seed demo content on first start: on by default with the embedded database. */
  public boolean demo() {
    return demo;
  }

  /**
   * Where the signed checkpoints of the audit chains are appended ({@code
   * PORTAL_AUDIT_ANCHOR_DIR}), by default {@code <data dir>/audit}: point it at storage the
   * database's writers cannot change, ideally write-once.
   */
  public Path auditAnchorDir() {
    return auditAnchorDir;
  }

  /**
   * The key that signs audit checkpoints ({@code PORTAL_AUDIT_KEY}, base64 of at least 32 bytes,
   * e.g. from {@code openssl rand -base64 32}); empty when unset, and the portal then keeps a key
   * of its own in the anchor directory. Decoded when asked for, so that a wrong value is reported
   * where checkpoints are written and verified instead of stopping the portal.
   *
   * @throws IllegalStateException if the value is not base64 of at least 32 bytes
   */
  public Optional<byte[]> auditKey() {
    if (auditKey.isEmpty()) {
      return Optional.empty();
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(auditKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("PORTAL_AUDIT_KEY is not base64: " + e.getMessage(), e);
    }
    if (key.length < 32) {
      throw new IllegalStateException(
          "PORTAL_AUDIT_KEY must be at least 32 bytes (base64 of 32 random bytes), not "
              + key.length);
    }
    return Optional.of(key);
  }
}
