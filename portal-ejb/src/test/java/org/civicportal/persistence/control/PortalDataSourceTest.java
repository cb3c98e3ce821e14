package org.civicportal.persistence.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalDataSourceTest {

  @TempDir Path dir;

  @Test
  void embeddedH2WritesEachCommitToItsFileAtOnce_issue14() throws SQLException {
    PortalSettings settings =
        new PortalSettings(new Properties(), Map.of("PORTAL_DATA_DIR", dir.toString()));

    try (Connection c = PortalDataSource.driverFor(settings).getConnection("sa", "")) {
      assertThat(writeDelays(c)).isNotEmpty().containsOnly("0");
    }
  }

  /**
   * Why the setting goes in the URL: H2 keeps a SET WRITE_DELAY but does not apply it on reopening.
   */
  @Test
  void aSavedWriteDelayIsReplacedByTheDefaultOnReopening() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("portal"));
    try (Connection c = h2.getConnection("sa", "");
        Statement s = c.createStatement()) {
      s.execute("SET WRITE_DELAY 0");
    }

    try (Connection c = h2.getConnection("sa", "")) {
      assertThat(writeDelays(c)).contains("0", "500");
    }
  }

  /** The saved setting, if any, and the one in force. */
  private static List<String> writeDelays(Connection c) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }
}
