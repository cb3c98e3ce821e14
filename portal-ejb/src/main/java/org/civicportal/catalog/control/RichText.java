package org.civicportal.catalog.control;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Editors' rich text: what survives is an allow-list of structural HTML (paragraphs, headings from
 * h2, lists, emphasis, links to http, https and mailto with {@code rel="nofollow noopener"}). No
 * script, style, event handler, frame, form or {@code javascript:} address survives. Plain text (no
 * tags) becomes paragraphs split at blank lines, with single line breaks kept.
 */
public final class RichText {
  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>");
  private static final Safelist ALLOWED =
      Safelist.basic()
          .addTags("h2", "h3", "h4")
          .removeTags("span")
          .addProtocols("a", "href", "http", "https", "mailto")
          .removeEnforcedAttribute("a", "rel")
          .addEnforcedAttribute("a", "rel", "nofollow noopener");

  private RichText() {}

  /** The text made safe to render as HTML; null or blank stays null. */
  public static String sanitise(String html) {
    if (html == null || html.isBlank()) {
      return null;
    }
    String input = TAG.matcher(html).find() ? html : paragraphs(html);
    Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(input, "", ALLOWED, compact).strip();
  }

  /** The words of rich text without markup, for the search index and for diffs. */
  public static String text(String html) {
    if (html == null) {
      return "";
    }
    Document document = Jsoup.parseBodyFragment(html);
    StringBuilder text = new StringBuilder();
    for (Element block : document.body().select("p, li, h2, h3, h4, blockquote, pre")) {
      if (block.parents().stream().noneMatch(p -> p.is("p, li, blockquote, pre"))) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(block.text());
      }
    }
    return text.length() > 0 ? text.toString() : document.body().text();
  }

  /**
   * The words of rich text with each link's address after its text, so that a changed address shows
   * in a diff even when the words stay.
   */
  public static String textWithLinks(String html) {
    if (html == null) {
      return "";
    }
    Document document = Jsoup.parseBodyFragment(html);
    for (Element link : document.select("a[href]")) {
      link.appendText(" <" + link.attr("href") + ">");
    }
    return text(document.body().html());
  }

  private static String paragraphs(String plain) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : plain.strip().split("\\R\\s*\\R")) {
      html.append("<p>")
          .append(org.jsoup.nodes.Entities.escape(paragraph.strip()).replaceAll("\\R", "<br>"))
          .append("</p>");
    }
    return html.toString();
  }
}
