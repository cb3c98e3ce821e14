package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.civicportal.catalog.control.RichText;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Service bodies written before version 6 were plain text, escaped when shown; from version 6 a
 * body is sanitised HTML shown as it is. This turns every body that version 6 carried over
 * (published texts and the revisions made from them) into sanitised HTML once: paragraphs for plain
 * text, and whatever markup an old body held reduced to the allow-list.
 */
public class V6_1__Sanitise_legacy_service_texts extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    sanitise(
        connection,
        "SELECT id, body FROM service_translation",
        "UPDATE service_translation SET body = ? WHERE id = ?");
    sanitise(
        connection,
        "SELECT revision_id, language, body FROM service_revision_text WHERE revision_id < 0",
        "UPDATE service_revision_text SET body = ? WHERE revision_id = ? AND language = ?");
  }

  private static void sanitise(Connection connection, String select, String update)
      throws SQLException {
    List<Object[]> changes = new ArrayList<>();
    try (PreparedStatement read = connection.prepareStatement(select);
        ResultSet rows = read.executeQuery()) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        String body = rows.getString("body");
        String clean = RichText.sanitise(body);
        if (clean != null && !clean.equals(body)) {
          Object[] change = new Object[columns];
          change[0] = clean;
          change[1] = rows.getLong(1);
          if (columns == 3) {
            change[2] = rows.getString(2);
          }
          changes.add(change);
        }
      }
    }
    try (PreparedStatement write = connection.prepareStatement(update)) {
      for (Object[] change : changes) {
        write.setString(1, (String) change[0]);
        write.setLong(2, (Long) change[1]);
        if (change.length == 3) {
          write.setString(3, (String) change[2]);
        }
        write.addBatch();
      }
      write.executeBatch();
    }
  }
}
