package org.civicportal.request.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.util.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.civicportal.request.control.RequestReceipt.Receipt;
import org.civicportal.request.control.RequestReceipt.Receipt.FileLine;
import org.civicportal.request.control.RequestReceipt.Receipt.Line;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class RequestReceiptTest {
  static final Instant SUBMITTED = Instant.parse("2026-03-14T09:26:05Z");
  static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  final RequestReceipt receipts = new RequestReceipt();

  static Receipt receipt(String language, List<Line> answers) {
    return new Receipt(
        "Demoland City Council",
        "DEM-2026-000123",
        "Report a pothole",
        SUBMITTED,
        "OFFICIAL",
        language,
        answers,
        List.of(new FileLine("pothole.jpg", HASH, 48_213)),
        "Submitted",
        "https://demoland.example/requests/DEM-2026-000123");
  }

  static String text(PDDocument doc) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper.getText(doc);
  }

  static List<String> structureTypes(PDDocument doc) {
    List<String> types = new ArrayList<>();
    collect(doc.getDocumentCatalog().getStructureTreeRoot(), types);
    return types;
  }

  private static void collect(PDStructureNode node, List<String> types) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        types.add(element.getStructureType());
        collect(element, types);
      }
    }
  }

  @Test
  void showsReferenceMarkingServiceDateStatusAnswersFilesAndLink() throws IOException {
    Receipt receipt =
        receipt("en", List.of(new Line("Where is it?", "Corner of Mill Lane and High Street")));

    byte[] pdf = receipts.render(receipt);

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = text(doc);
      assertThat(text)
          .contains("Demoland City Council")
          .contains("Receipt for your request")
          .contains("DEM-2026-000123")
          .contains("OFFICIAL")
          .contains("Report a pothole")
          .contains("2026-03-14 09:26:05 UTC")
          .contains("Submitted")
          .contains("Where is it?")
          .contains("Corner of Mill Lane and High Street")
          .contains("pothole.jpg")
          .contains(HASH)
          .contains("48213 bytes")
          .contains("https://demoland.example/requests/DEM-2026-000123");
      assertThat(doc.getPage(0).getAnnotations())
          .as("the tracking link is a live link")
          .isNotEmpty();
    }
  }

  @Test
  void isTaggedWithTitleLanguageHeadingsAndEmbeddedFonts() throws Exception {
    byte[] pdf = receipts.render(receipt("en", List.of(new Line("Size", "Large"))));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentCatalog catalog = doc.getDocumentCatalog();
      assertThat(catalog.getMarkInfo()).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getStructureTreeRoot()).isNotNull();
      assertThat(catalog.getLanguage()).isEqualTo("en");
      assertThat(doc.getDocumentInformation().getTitle())
          .isEqualTo("Receipt for your request – DEM-2026-000123");
      assertThat(doc.getDocumentInformation().getSubject()).isEqualTo("Report a pothole");
      assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Demoland City Council");
      assertThat(catalog.getViewerPreferences()).isNotNull();
      assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
      DomXmpParser parser = new DomXmpParser();
      parser.setStrictParsing(false);
      XMPMetadata xmp = parser.parse(catalog.getMetadata().toByteArray());
      assertThat(xmp.getDublinCoreSchema().getTitle())
          .isEqualTo("Receipt for your request – DEM-2026-000123");
      assertThat(structureTypes(doc)).contains("H1", "H2", "H3", "P", "Table", "TH", "TD", "Link");
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void hostileTextIsPrintedLiterallyNeverAsMarkup() throws IOException {
    Receipt receipt =
        new Receipt(
            "<b>Evil</b> & Co",
            "DEM-2026-000124",
            "</p><h1>x",
            SUBMITTED,
            "OFFICIAL",
            "en",
            List.of(
                new Line("<i>Q</i>", "<script>alert(1)</script>"),
                new Line("Nested", "</td></tr></table><h1>Injected</h1>"),
                new Line("Style", "<style>*{display:none}</style>hidden?")),
            List.of(new FileLine("<img src=x>.png", HASH, 1)),
            "<em>done</em>",
            "javascript:alert(1)");

    byte[] pdf = receipts.render(receipt);

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = text(doc);
      assertThat(text)
          .contains("<b>Evil</b> & Co")
          .contains("</p><h1>x")
          .contains("<i>Q</i>")
          .contains("<script>alert(1)</script>")
          .contains("</td></tr></table><h1>Injected</h1>")
          .contains("<style>*{display:none}</style>hidden?")
          .contains("<img src=x>.png")
          .contains("<em>done</em>")
          .contains("javascript:alert(1)");
      List<String> types = structureTypes(doc);
      assertThat(types).containsOnlyOnce("H1").doesNotContain("Link", "Figure");
      assertThat(types.stream().filter("H3"::equals)).hasSize(3);
      assertThat(doc.getPage(0).getAnnotations()).isEmpty();
    }
  }

  @Test
  void frenchReceiptHasFrenchLabels() throws IOException {
    byte[] pdf = receipts.render(receipt("fr", List.of(new Line("Où ?", "Rue du Moulin"))));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = text(doc);
      assertThat(text)
          .contains("Accusé de réception de votre demande")
          .contains("Référence")
          .contains("Vos réponses")
          .contains("Fichiers")
          .contains("Suivre votre demande")
          .contains("48213 octets")
          .contains("Rue du Moulin")
          .doesNotContain("Your answers");
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("fr");
      assertThat(doc.getDocumentInformation().getTitle()).startsWith("Accusé de réception");
    }
  }

  @Test
  void unknownLanguageFallsBackToEnglish() throws IOException {
    byte[] pdf = receipts.render(receipt("xx", List.of()));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(text(doc)).contains("Receipt for your request").contains("No answers.");
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
    }
  }

  @Test
  void arabicReceiptIsRightToLeftWithArabicLabelsAndAnswers() throws IOException {
    String answer = "حفرة كبيرة أمام المدرسة";
    byte[] pdf = receipts.render(receipt("ar", List.of(new Line("أين؟", answer))));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = Normalizer.normalize(text(doc), Normalizer.Form.NFKC);
      assertThat(text).contains(answer).contains("إجاباتك").contains("DEM-2026-000123");
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("ar");
    }
  }

  @Test
  void arabicAnswerInEnglishReceiptKeepsItsGlyphs() throws IOException {
    String answer = "شكرا لكم";
    byte[] pdf = receipts.render(receipt("en", List.of(new Line("Comment", answer))));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = Normalizer.normalize(text(doc), Normalizer.Form.NFKC);
      assertThat(text).contains(answer).contains("Your answers");
    }
  }

  @Test
  void markingBannerIsAtTopAndBottomOfEveryPage() throws IOException {
    List<Line> many =
        IntStream.rangeClosed(1, 80)
            .mapToObj(i -> new Line("Question " + i, "Answer number " + i))
            .toList();

    byte[] pdf = receipts.render(receipt("en", many));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      assertThat(text(doc)).containsPattern("Answer number 1\\R").contains("Answer number 80");
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        List<String> lines =
            stripper.getText(doc).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines.get(0)).as("first line of page %d", page).isEqualTo("OFFICIAL");
        assertThat(lines.get(lines.size() - 1))
            .as("last line of page %d", page)
            .isEqualTo("OFFICIAL");
      }
    }
  }

  @Test
  void rendersWithoutRendererWarnings() {
    List<Diagnostic> warnings = new ArrayList<>();
    for (String language : List.of("en", "fr", "ar")) {
      Receipt receipt = receipt(language, List.of(new Line("Where?", "حفرة <b>big</b>")));

      receipts.render(
          receipt,
          diagnostic -> {
            if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(diagnostic);
            }
          });
    }

    assertThat(warnings).extracting(Diagnostic::getFormattedMessage).isEmpty();
  }

  @Test
  void valuesKeepTheirOwnDirectionAndRightToLeftTablesAreMirrored() {
    Receipt receipt =
        receipt(
            "ar",
            List.of(new Line("أين؟", "Corner of Mill Lane?"), new Line("Size", "حفرة كبيرة")));

    Document page = RequestReceipt.page(receipt, RequestReceipt.labelsFor("ar"));

    assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
    assertThat(page.select("p.answer").eachAttr("dir")).containsExactly("ltr", "rtl");
    assertThat(page.select("h3").eachAttr("dir")).containsExactly("rtl", "ltr");
    assertThat(page.select("table.files th").eachText())
        .containsExactly("الحجم", "SHA-256", "الاسم");
    assertThat(page.select("table.files td").first().text()).isEqualTo("48213 بايت");
    Document english = RequestReceipt.page(receipt, RequestReceipt.labelsFor("en-GB"));
    assertThat(english.selectFirst("html").attr("dir")).isEqualTo("ltr");
    assertThat(english.select("table.files th").eachText())
        .containsExactly("Name", "SHA-256", "Size");
    assertThat(english.select("p.answer").eachAttr("dir")).containsExactly("ltr", "rtl");
  }

  @Test
  void multiLineAnswersKeepTheirLines() throws IOException {
    byte[] pdf =
        receipts.render(receipt("en", List.of(new Line("Details", "first line\nsecond line"))));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(text(doc)).containsPattern("first line\\R+\\s*second line");
    }
  }
}
