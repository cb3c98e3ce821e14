package org.civicportal.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.civicportal.catalog.control.ImportLines.Line;
import org.civicportal.catalog.entity.ImportJob.Format;
import org.junit.jupiter.api.Test;

class ImportLinesTest {
  private static List<Line> read(Format format, String content) {
    List<Line> lines = new ArrayList<>();
    ImportLines.read(format, content, lines::add);
    return lines;
  }

  @Test
  void jsonLinesAreReadWithTheirLineNumbersAndBadLinesAreRejectedNotFatal() {
    String file =
        """
        {"externalId":"a","lang":"en","title":"A","summary":"S","body":"B","agency":"x"}

        not json
        {"externalId":"b","lang":"en","title":"B","summary":"S","agency":"x"}
        {"externalId":"c","lang":"fr","title":"C","summary":"S","body":"B","agency":"x","state":"published","category":"tax"}
        {"externalId":"d","lang":"fr","title":"D","summary":"S","body":"B","agency":"x","state":"gone"}
        [1,2]
        """;

    List<Line> lines = read(Format.JSON_LINES, file);

    assertThat(lines).extracting(Line::number).containsExactly(1, 3, 4, 5, 6, 7);
    assertThat(lines.get(0).service().externalId()).isEqualTo("a");
    assertThat(lines.get(0).publish()).isFalse();
    assertThat(lines.get(1).rejection()).startsWith("not valid JSON");
    assertThat(lines.get(2).rejection()).isEqualTo("missing body");
    assertThat(lines.get(3).publish()).isTrue();
    assertThat(lines.get(3).service().category()).isEqualTo("tax");
    assertThat(lines.get(4).rejection()).contains("state must be draft or published");
    assertThat(lines.get(5).rejection()).isEqualTo("not a JSON object");
    assertThat(ImportLines.count(Format.JSON_LINES, file)).isEqualTo(6);
  }

  @Test
  void csvRecordsMayQuoteCommasAndSpanLinesAndReportTheLineTheyStartOn() {
    String file =
        "externalId,lang,title,summary,body,agency\r\n"
            + "a,en,\"Title, with comma\",Summary,\"Body\nline two\",x\r\n"
            + "b,en,Title,Summary,,x\r\n"
            + "c,en,Title\r\n";

    List<Line> lines = read(Format.CSV, file);

    assertThat(lines).extracting(Line::number).containsExactly(2, 4, 5);
    assertThat(lines.get(0).service().text().title()).isEqualTo("Title, with comma");
    assertThat(lines.get(0).service().text().body()).isEqualTo("Body\nline two");
    assertThat(lines.get(1).rejection()).isEqualTo("missing body");
    assertThat(lines.get(2).rejection()).contains("fields where the header has 6");
  }

  @Test
  void csvLineNumbersCountBlankLinesAndABrokenHeaderIsRejectedNotThrown() {
    List<Line> lines =
        read(
            Format.CSV,
            "externalId,lang,title,summary,body,agency\na,en,T,S,B,x\n\n\nb,en,T,S,B,x\n");

    assertThat(lines).extracting(Line::number).containsExactly(2, 5);
    List<Line> broken = read(Format.CSV, "\"externalId,lang,title\na,b,c\n");
    assertThat(broken).hasSize(1);
    assertThat(broken.get(0).rejection()).isNotBlank();
  }

  @Test
  void aCsvWithoutTheRequiredColumnsRejectsEveryRecordSayingWhich() {
    List<Line> lines = read(Format.CSV, "id,name\n1,x\n2,y\n");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).rejection()).contains("lacks the columns").contains("externalId");
  }
}
