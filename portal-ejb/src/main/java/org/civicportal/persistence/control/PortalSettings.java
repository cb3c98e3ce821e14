package org.civicportal.persistence.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the portal keeps its data and which database it uses, read from system properties ({@code
 * portal.data.dir}) or the environment ({@code PORTAL_DATA_DIR}), in that order, with defaults for
 * a first look: an H2 database and a Lucene index under {@code ./data}.
 *
 * <p>Plain Java on purpose: the container's data source is created from these settings before CDI
 * or MicroProfile Config are available to the application.
 */
public final class PortalSettings {
  private static final Pattern H2_WRITE_DELAY =
      Pattern.compile(";WRITE_DELAY=([^;]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final Path dataDir;
  private final String dbUrl;
  private final String dbUser;
  private final String dbPassword;
  private final boolean demo;
  private final String smtpHost;
  private final int smtpPort;
  private final String mailFrom;
  private final String publicUrl;
  private final List<String> trustedProxies;
  private final Path auditAnchorDir;
  private final String auditKey;

  PortalSettings(Properties system, Map<String, String> env) {
    this.dataDir =
        Path.of(read(system, env, "portal.data.dir", "data")).toAbsolutePath().normalize();
    String defaultUrl = "jdbc:h2:file:" + dataDir.resolve("db").resolve("portal");
    this.dbUrl = withCommitsWrittenAtOnce(read(system, env, "portal.db.url", defaultUrl));
    boolean embedded = dbUrl.startsWith("jdbc:h2:");
    this.dbUser = read(system, env, "portal.db.user", embedded ? "sa" : "");
    this.dbPassword = read(system, env, "portal.db.password", "");
    this.demo = Boolean.parseBoolean(read(system, env, "portal.demo", Boolean.toString(embedded)));
    this.smtpHost = read(system, env, "portal.smtp.host", "127.0.0.1");
    this.smtpPort = Integer.parseInt(read(system, env, "portal.smtp.port", "25"));
    this.mailFrom = read(system, env, "portal.mail.from", "no-reply@civicportal.invalid");
    this.publicUrl = read(system, env, "portal.public.url", "");
    this.trustedProxies = addresses(read(system, env, "portal.trusted.proxies", ""));
    this.auditAnchorDir =
        Path.of(read(system, env, "portal.audit.anchor.dir", dataDir.resolve("audit").toString()))
            .toAbsolutePath()
            .normalize();
    this.auditKey = read(system, env, "portal.audit.key", "");
  }

  private static List<String> addresses(String list) {
    List<String> addresses =
        Arrays.stream(list.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    for (String address : addresses) {
      if (!isAddressOrBlock(address)) {
        throw new IllegalArgumentException(
            "PORTAL_TRUSTED_PROXIES must list IP addresses or address/prefix blocks separated by"
                + " commas, not '"
                + address
                + "'");
      }
    }
    return addresses;
  }

  /**
   * An IPv4 or IPv6 address written out, optionally with a prefix length. Never a host name: the
   * text is checked before it is parsed, so reading the setting never asks the DNS.
   */
  static boolean isAddressOrBlock(String entry) {
    int slash = entry.indexOf('/');
    String address = slash < 0 ? entry : entry.substring(0, slash);
    int maxPrefix;
    if (IPV4.matcher(address).matches()) {
      for (String part : address.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      maxPrefix = 32;
    } else if (IPV6.matcher(address).matches()) {
      try {
        InetAddress.getByName(address);
      } catch (UnknownHostException e) {
        return false;
      }
      maxPrefix = 128;
    } else {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    String prefix = entry.substring(slash + 1);
    return prefix.matches("[0-9]{1,3}") && Integer.parseInt(prefix) <= maxPrefix;
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

  /**
   * The H2 URL with {@code WRITE_DELAY=0} added, so that a commit is in the database file before
   * the portal answers, and survives {@code kill -9}; any other URL as it is.
   *
   * <p>Why (checked in the source of H2 2.2.224, the driver the WAR carries): on opening a
   * database, {@code Database} applies the URL's {@code WRITE_DELAY}, or {@code
   * Constants.DEFAULT_WRITE_DELAY} = 500 ms, as the MVStore's auto-commit delay. With a delay, a
   * commit only changes memory and a background thread writes it to the file up to that delay
   * later: a process killed meanwhile loses commits it has confirmed (22 of 492 in issue 14's
   * test). With 0, {@code TransactionStore.endTransaction} calls {@code MVStore.commit()}, which
   * writes the commit's chunk to the file before the commit returns. It does not fsync ({@code
   * FileStore.sync} runs only at close and compaction): the commit is in the operating system's
   * hands, so it survives the process but not a power cut. {@code SET WRITE_DELAY} is no
   * substitute: it is saved in the database, but every open replaces it with the URL's value (or
   * 500). A URL that names its own {@code WRITE_DELAY} keeps it; see {@link #delaysCommits()}.
   */
  static String withCommitsWrittenAtOnce(String url) {
    if (!url.startsWith("jdbc:h2:")
        || url.startsWith("jdbc:h2:mem:")
        || H2_WRITE_DELAY.matcher(url).find()) {
      return url;
    }
    return url + ";WRITE_DELAY=0";
  }

  /**
   * Whether {@code PORTAL_DB_URL} gives H2 a {@code WRITE_DELAY} other than 0, so that a commit the
   * portal has confirmed can be lost if its process dies.
   */
  public boolean delaysCommits() {
    Matcher delay = H2_WRITE_DELAY.matcher(dbUrl);
    return dbUrl.startsWith("jdbc:h2:")
        && !dbUrl.startsWith("jdbc:h2:mem:")
        && delay.find()
        && !delay.group(1).strip().equals("0");
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

  /**
   * The reverse proxies whose {@code X-Forwarded-*} headers are believed ({@code
   * PORTAL_TRUSTED_PROXIES}: IP addresses or {@code address/prefix} blocks, comma-separated); empty
   * by default, so that no forwarding header is believed. Interpreted by {@code
   * org.civicportal.web.ForwardedRequest}.
   */
  public List<String> trustedProxies() {
    return trustedProxies;
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
