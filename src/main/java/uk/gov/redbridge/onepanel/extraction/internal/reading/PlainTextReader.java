package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;

/**
 * Reads plain text (an email body, a .txt attachment): one paragraph a line. Lines with tabs, as when a Word table is
 * pasted into a plain-text email, become table rows, one cell per tab-separated part.
 */
public final class PlainTextReader {

    private static final java.util.regex.Pattern QUOTE = java.util.regex.Pattern.compile("^(?:\\s*>)+\\s?");

    private PlainTextReader() {
    }

    public static DocumentLayout read(String text, String format) {
        List<Block> blocks = new ArrayList<>();
        List<TableBlock.Row> rows = new ArrayList<>();
        int offset = 0;
        int lineNumber = 0;
        int firstTableLine = 0;
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (String raw : lines) {
            lineNumber++;
            // quoted text of a reply or a forward ("> First name: Jane") reads as the text itself
            String line = QUOTE.matcher(raw.replace('\u00A0', ' ')).replaceFirst("");
            if (line.contains("\t") && !line.strip().isEmpty() && line.strip().contains("\t")) {
                if (rows.isEmpty()) {
                    firstTableLine = lineNumber;
                }
                String[] parts = line.strip().split("\t+");
                List<TableBlock.Cell> cells = new ArrayList<>();
                for (int i = 0; i < parts.length; i++) {
                    Origin where = Origin.at("line " + lineNumber + ", part " + (i + 1));
                    cells.add(new TableBlock.Cell(i, i + 1, false, null,
                            List.of(new TextBlock(parts[i].strip(), false, where)), where));
                }
                rows.add(new TableBlock.Row(cells));
            } else {
                if (!rows.isEmpty()) {
                    blocks.add(new TableBlock(rows, Origin.at("line " + firstTableLine)));
                    rows = new ArrayList<>();
                }
                blocks.add(new TextBlock(line.strip(), false, Origin.at("line " + lineNumber + " (text offset "
                        + offset + ")")));
            }
            offset += raw.length() + 1;
        }
        if (!rows.isEmpty()) {
            blocks.add(new TableBlock(rows, Origin.at("line " + firstTableLine)));
        }
        return new DocumentLayout(format, 0, false, blocks);
    }
}
