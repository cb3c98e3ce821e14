package org.civicportal.request.control;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A citizen's receipt for a submitted service request, as an accessible PDF: tagged (structure tree
 * with headings, tables with header cells and a link), with a document title shown in the viewer's
 * title bar, the document language set and every glyph in an embedded font (DejaVu Sans, taken from
 * the classpath, so no server fonts are needed) — the PDF/UA profile of openhtmltopdf.
 *
 * <p>The classification marking is printed as a banner at the top and bottom of every page. Those
 * banners are page furniture (PDF artifacts, skipped by screen readers), so the marking is also
 * stated once in the tagged content.
 *
 * <p>The receipt's own headings and labels come in English, French or Arabic ({@link
 * Receipt#language()}; anything else falls back to English). Arabic receipts are laid out right to
 * left: ICU reorders mixed-direction text and shapes Arabic letters into their joined forms, and
 * each citizen's value takes the direction of its first strong character (like HTML's {@code
 * dir="auto"}), so an English answer in an Arabic receipt, or the reverse, reads correctly. The
 * renderer does not mirror table columns, so the one table (the files) is built in reverse column
 * order for right-to-left receipts; label and value pairs are paragraphs, not tables.
 *
 * <p>Every value in a {@link Receipt} is data, never markup: the page is built as a DOM whose text
 * nodes hold the values, and no HTML or CSS is ever assembled from strings, so {@code
 * <script>...</script>} or {@code </p><h1>} are printed as they are typed. The renderer may not
 * load any external resource, and the tracking link is a link only when it is http or https.
 */
@ApplicationScoped
public class RequestReceipt {

  /** What a receipt shows. Lists may be empty; {@code null} lists count as empty. */
  public record Receipt(
      String tenantName,
      String reference,
      String serviceTitle,
      Instant submittedAt,
      String marking,
      String language,
      List<Line> answers,
      List<FileLine> files,
      String status,
      String trackingLink) {

    public Receipt {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(submittedAt, "submittedAt");
      Objects.requireNonNull(marking, "marking");
      answers = answers == null ? List.of() : List.copyOf(answers);
      files = files == null ? List.of() : List.copyOf(files);
    }

    /** One question of the form and the citizen's answer to it. */
    public record Line(String question, String answer) {}

    /** One attached file, with the SHA-256 (hex) of its bytes and its size in bytes. */
    public record FileLine(String name, String sha256, long size) {}
  }

  static final String FONT_FAMILY = "DejaVu Sans";
  private static final String FONT_FOLDER = "/net/sf/jasperreports/fonts/dejavu/";

  static final DateTimeFormatter SUBMITTED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** C0/C1 controls other than tab and line feed: not valid in XML, and nothing to print. */
  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");

  private static final Pattern WEB_LINK = Pattern.compile("(?i)https?://\\S+");

  private static final String STYLE =
      """
      @page {
        size: A4;
        margin: 24mm 18mm 22mm 18mm;
        @top-center { content: element(markingTop); }
        @bottom-center { content: element(markingBottom); }
      }
      * { font-family: 'DejaVu Sans'; }
      body { font-size: 10.5pt; line-height: 1.35; color: #111; }
      .marking-top { position: running(markingTop); }
      .marking-bottom { position: running(markingBottom); }
      .marking { font-weight: bold; text-align: center; border: 1pt solid #111;
                 padding: 2pt 6pt; letter-spacing: 1pt; }
      .tenant { font-size: 12pt; font-weight: bold; margin: 0 0 4pt 0; }
      h1 { font-size: 17pt; margin: 0 0 8pt 0; }
      h2 { font-size: 13pt; margin: 14pt 0 4pt 0; border-bottom: 0.75pt solid #555; }
      .reference { font-size: 15pt; font-weight: bold; border: 1.5pt solid #111;
                   padding: 6pt; margin: 8pt 0 10pt 0; }
      .fact { margin: 2pt 0; }
      .label { font-weight: bold; }
      h3 { font-size: 10.5pt; margin: 8pt 0 1pt 0; }
      .answer { margin: 0 0 4pt 0; padding-bottom: 4pt; border-bottom: 0.5pt solid #bbb; }
      table { width: 100%; border-collapse: collapse; margin-top: 4pt; }
      th, td { text-align: start; vertical-align: top; padding: 3pt 4pt;
               border-bottom: 0.5pt solid #999; word-wrap: break-word; }
      th { font-weight: bold; }
      .hash { font-size: 7.5pt; }
      """;

  private static final Map<String, Labels> LABELS =
      Map.of(
          "en",
          new Labels(
              "en",
              ": ",
              "Receipt for your request",
              "We have received your request. Keep this receipt: the reference identifies your"
                  + " request.",
              "Reference",
              "Service",
              "Submitted",
              "Status",
              "Classification",
              "Your answers",
              "No answers.",
              "Files",
              "No files.",
              "Name",
              "SHA-256",
              "Size",
              "bytes",
              "Follow your request"),
          "fr",
          new Labels(
              "fr",
              "\u00a0: ",
              "Accusé de réception de votre demande",
              "Nous avons bien reçu votre demande. Conservez cet accusé de réception : la"
                  + " référence identifie votre demande.",
              "Référence",
              "Service",
              "Déposée le",
              "Statut",
              "Classification",
              "Vos réponses",
              "Aucune réponse.",
              "Fichiers",
              "Aucun fichier.",
              "Nom",
              "SHA-256",
              "Taille",
              "octets",
              "Suivre votre demande"),
          "ar",
          new Labels(
              "ar",
              ": ",
              "إيصال استلام طلبك",
              "لقد استلمنا طلبك. احتفظ بهذا الإيصال: الرقم المرجعي يحدد طلبك.",
              "الرقم المرجعي",
              "الخدمة",
              "تاريخ التقديم",
              "الحالة",
              "التصنيف",
              "إجاباتك",
              "لا توجد إجابات.",
              "الملفات",
              "لا توجد ملفات.",
              "الاسم",
              "SHA-256",
              "الحجم",
              "بايت",
              "تتبع طلبك"));

  /** The receipt's own words in one language. */
  record Labels(
      String language,
      String colon,
      String heading,
      String intro,
      String reference,
      String service,
      String submitted,
      String status,
      String classification,
      String answers,
      String noAnswers,
      String files,
      String noFiles,
      String fileName,
      String sha256,
      String size,
      String bytes,
      String tracking) {

    boolean rightToLeft() {
      return "ar".equals(language);
    }
  }

  public RequestReceipt() {}

  /** The receipt as PDF bytes. */
  public byte[] render(Receipt receipt) {
    return render(receipt, null);
  }

  /**
   * As {@link #render(Receipt)}, handing the renderer's diagnostics (else logged) to a consumer.
   */
  byte[] render(Receipt receipt, Consumer<Diagnostic> diagnostics) {
    Labels labels = labelsFor(receipt.language());
    Document page = page(receipt, labels);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.usePdfUaAccessibility(true);
    builder.withProducer("Civic Portal");
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    EnumSet<FSFontUseCase> everywhere =
        EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE);
    builder.useFont(
        () -> new ByteArrayInputStream(Fonts.REGULAR),
        FONT_FAMILY,
        400,
        FontStyle.NORMAL,
        true,
        everywhere);
    builder.useFont(
        () -> new ByteArrayInputStream(Fonts.BOLD),
        FONT_FAMILY,
        700,
        FontStyle.NORMAL,
        true,
        everywhere);
    builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
    builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
    builder.defaultTextDirection(labels.rightToLeft() ? TextDirection.RTL : TextDirection.LTR);
    builder.withW3cDocument(new W3CDom().fromJsoup(page), "about:blank");
    if (diagnostics != null) {
      builder.withDiagnosticConsumer(diagnostics);
    }
    builder.toStream(pdf);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the receipt of " + receipt.reference(), e);
    }
    return pdf.toByteArray();
  }

  static Labels labelsFor(String language) {
    if (language == null) {
      return LABELS.get("en");
    }
    String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return LABELS.getOrDefault(primary, LABELS.get("en"));
  }

  /** The receipt as an XHTML DOM; values only ever enter it as text nodes or attribute values. */
  static Document page(Receipt r, Labels labels) {
    Document doc = Document.createShell("");
    Element html = doc.child(0);
    html.attr("lang", labels.language());
    html.attr("dir", labels.rightToLeft() ? "rtl" : "ltr");
    Element head = doc.head();
    head.appendElement("meta").attr("charset", "UTF-8");
    head.appendElement("title").text(labels.heading() + " – " + clean(r.reference()));
    String service = clean(r.serviceTitle()).strip();
    head.appendElement("meta")
        .attr("name", "subject")
        .attr("content", service.isEmpty() ? labels.heading() : service);
    if (!clean(r.tenantName()).isBlank()) {
      head.appendElement("meta").attr("name", "author").attr("content", clean(r.tenantName()));
    }
    head.appendElement("style").appendChild(new DataNode(STYLE));

    Element body = doc.body();
    // Running elements come first so that the first page carries them too.
    body.appendElement("div").addClass("marking").addClass("marking-top").text(clean(r.marking()));
    body.appendElement("div")
        .addClass("marking")
        .addClass("marking-bottom")
        .text(clean(r.marking()));

    if (!clean(r.tenantName()).isBlank()) {
      value(body.appendElement("p").addClass("tenant"), r.tenantName(), labels);
    }
    body.appendElement("h1").text(labels.heading());
    body.appendElement("p").text(labels.intro());
    fact(body, labels.reference(), r.reference(), labels).addClass("reference");
    fact(body, labels.service(), r.serviceTitle(), labels);
    fact(body, labels.submitted(), SUBMITTED.format(r.submittedAt()), labels);
    fact(body, labels.status(), r.status(), labels);
    fact(body, labels.classification(), r.marking(), labels);

    body.appendElement("h2").text(labels.answers());
    if (r.answers().isEmpty()) {
      body.appendElement("p").text(labels.noAnswers());
    }
    for (Receipt.Line line : r.answers()) {
      value(body.appendElement("h3"), line.question(), labels);
      value(body.appendElement("p").addClass("answer"), line.answer(), labels);
    }

    body.appendElement("h2").text(labels.files());
    if (r.files().isEmpty()) {
      body.appendElement("p").text(labels.noFiles());
    } else {
      files(body, r.files(), labels);
    }

    String link = clean(r.trackingLink()).strip();
    if (!link.isEmpty()) {
      body.appendElement("h2").text(labels.tracking());
      Element paragraph = body.appendElement("p").attr("dir", "ltr");
      if (WEB_LINK.matcher(link).matches()) {
        paragraph.appendElement("a").attr("href", link).attr("title", labels.tracking()).text(link);
      } else {
        paragraph.text(link);
      }
    }
    return doc;
  }

  /** A "label: value" paragraph; the value keeps its own writing direction. */
  private static Element fact(Element body, String label, String value, Labels labels) {
    Element paragraph = body.appendElement("p").addClass("fact");
    paragraph.appendElement("span").addClass("label").text(label + labels.colon());
    value(paragraph.appendElement("span"), value, labels);
    return paragraph;
  }

  /**
   * A data table of the files. openhtmltopdf does not mirror table columns for right-to-left text,
   * so a right-to-left receipt lists the columns in reverse and the name still comes first for its
   * reader; header cells keep each column's meaning for assistive technology.
   */
  private static void files(Element body, List<Receipt.FileLine> files, Labels labels) {
    Element table = body.appendElement("table").addClass("files");
    List<String> headers = List.of(labels.fileName(), labels.sha256(), labels.size());
    Element header = table.appendElement("thead").appendElement("tr");
    header.appendChildren(
        inReadingOrder(
            headers.stream()
                .map(text -> new Element("th").attr("scope", "col").text(text))
                .toList(),
            labels));
    Element rows = table.appendElement("tbody");
    for (Receipt.FileLine file : files) {
      List<Element> cells =
          List.of(
              value(new Element("td"), file.name(), labels),
              value(new Element("td"), file.sha256(), labels).addClass("hash"),
              value(
                  new Element("td"),
                  String.format(Locale.ROOT, "%d %s", file.size(), labels.bytes()),
                  labels));
      rows.appendElement("tr").appendChildren(inReadingOrder(cells, labels));
    }
  }

  private static List<Element> inReadingOrder(List<Element> columns, Labels labels) {
    if (!labels.rightToLeft()) {
      return columns;
    }
    List<Element> reversed = new ArrayList<>(columns);
    Collections.reverse(reversed);
    return reversed;
  }

  /**
   * Puts a citizen's value into an element as text, line by line, with the element's direction set
   * from the value's first strong character (a value with none takes the receipt's).
   */
  private static Element value(Element element, String value, Labels labels) {
    String text = clean(value);
    element.attr("dir", direction(text, labels));
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        element.appendElement("br");
      }
      element.appendText(lines[i]);
    }
    return element;
  }

  static String direction(String text, Labels labels) {
    int fallback =
        labels.rightToLeft()
            ? Bidi.DIRECTION_DEFAULT_RIGHT_TO_LEFT
            : Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT;
    return new Bidi(text, fallback).baseIsLeftToRight() ? "ltr" : "rtl";
  }

  private static String clean(String value) {
    return value == null ? "" : CONTROLS.matcher(value).replaceAll("");
  }

  /** The font files, read once. */
  private static final class Fonts {
    static final byte[] REGULAR = read("DejaVuSans.ttf");
    static final byte[] BOLD = read("DejaVuSans-Bold.ttf");

    private static byte[] read(String file) {
      try (InputStream in = RequestReceipt.class.getResourceAsStream(FONT_FOLDER + file)) {
        if (in == null) {
          throw new IllegalStateException(
              "Font " + FONT_FOLDER + file + " is not on the classpath");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read font " + file, e);
      }
    }
  }
}
