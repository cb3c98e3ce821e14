package org.civicportal.catalog.control;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.civicportal.catalog.entity.RevisionText;
import org.civicportal.catalog.entity.ServiceRevision;

/**
 * What changed between two revisions of a service, field by field and line by line (Myers' diff
 * from java-diff-utils over the fields' text without markup). Fields that did not change are left
 * out.
 */
public final class RevisionDiff {
  private RevisionDiff() {}

  /** One line of a field's diff. */
  public record Line(Op op, String text) {}

  /** Whether a line is in both revisions, only the newer, or only the older. */
  public enum Op {
    SAME,
    ADDED,
    REMOVED
  }

  /** One changed field, e.g. {@code fr: body} or {@code category}. */
  public record Field(String name, List<Line> lines) {}

  public static List<Field> between(ServiceRevision from, ServiceRevision to) {
    List<Field> fields = new ArrayList<>();
    add(fields, "category", from.category().orElse(""), to.category().orElse(""));
    add(fields, "channels", String.valueOf(from.channels()), String.valueOf(to.channels()));
    add(fields, "tags", String.join(", ", from.tags()), String.join(", ", to.tags()));
    add(fields, "related", String.valueOf(from.related()), String.valueOf(to.related()));
    add(fields, "ceiling", from.ceiling().orElse(""), to.ceiling().orElse(""));
    add(
        fields,
        "processingDays",
        from.processingDays().map(String::valueOf).orElse(""),
        to.processingDays().map(String::valueOf).orElse(""));
    TreeSet<String> languages = new TreeSet<>(from.texts().keySet());
    languages.addAll(to.texts().keySet());
    for (String language : languages) {
      Map<String, String> a = parts(from.text(language).orElse(null));
      Map<String, String> b = parts(to.text(language).orElse(null));
      for (String part : a.keySet()) {
        add(fields, language + ": " + part, a.get(part), b.get(part));
      }
    }
    return fields;
  }

  private static Map<String, String> parts(RevisionText text) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("slug", text == null ? "" : text.slug());
    parts.put("title", text == null ? "" : text.title());
    parts.put("summary", text == null ? "" : text.summary());
    parts.put("body", text == null ? "" : RichText.textWithLinks(text.body()));
    parts.put("eligibility", text == null ? "" : RichText.textWithLinks(text.eligibility()));
    parts.put(
        "documentsNeeded", text == null ? "" : RichText.textWithLinks(text.documentsNeeded()));
    parts.put("fees", text == null ? "" : Objects.toString(text.fees(), ""));
    parts.put("processingTime", text == null ? "" : Objects.toString(text.processingTime(), ""));
    parts.put("contact", text == null ? "" : Objects.toString(text.contact(), ""));
    return parts;
  }

  private static void add(List<Field> fields, String name, String before, String after) {
    if (Objects.equals(before, after)) {
      return;
    }
    List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
    List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
    Patch<String> patch = DiffUtils.diff(a, b);
    List<Line> lines = new ArrayList<>();
    int position = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      for (; position < delta.getSource().getPosition(); position++) {
        lines.add(new Line(Op.SAME, a.get(position)));
      }
      delta.getSource().getLines().forEach(l -> lines.add(new Line(Op.REMOVED, l)));
      delta.getTarget().getLines().forEach(l -> lines.add(new Line(Op.ADDED, l)));
      position += delta.getSource().size();
    }
    for (; position < a.size(); position++) {
      lines.add(new Line(Op.SAME, a.get(position)));
    }
    fields.add(new Field(name, lines));
  }
}
