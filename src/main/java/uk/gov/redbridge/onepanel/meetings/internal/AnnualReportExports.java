package uk.gov.redbridge.onepanel.meetings.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Entities;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import uk.gov.redbridge.onepanel.meetings.AnnualReport;

/**
 * The annual review as a published copy: bar charts drawn as SVG on the server (no JavaScript), a PDF (the same
 * figures with the bars drawn in HTML for openhtmltopdf), and an .xlsx workbook. Only the suppressed figures
 * ({@code shown}) are ever printed.
 */
public final class AnnualReportExports {

    private static final String BAR = "#1d70b8";

    private AnnualReportExports() {
    }

    /** A horizontal bar chart of a breakdown; a suppressed bar is drawn hatched-grey with its label. */
    public static String svg(AnnualReport.Breakdown b) {
        int rowHeight = 26;
        int labelWidth = 260;
        int barWidth = 320;
        int max = Math.max(1, b.rows().stream().filter(r -> !r.cell().suppressed())
                .mapToInt(r -> r.cell().count()).max().orElse(1));
        int height = rowHeight * Math.max(1, b.rows().size()) + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(labelWidth + barWidth + 60)
                .append("\" height=\"").append(height).append("\" aria-label=\"").append(esc(b.title()))
                .append("\"><title>").append(esc(b.title())).append("</title>");
        int y = 5;
        for (AnnualReport.Row r : b.rows()) {
            boolean hidden = r.cell().suppressed();
            int w = hidden ? 8 : Math.round((float) r.cell().count() / max * barWidth);
            svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"14\" font-family=\"Arial, sans-serif\">")
                    .append(esc(cut(r.label(), 38))).append("</text>");
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(w).append("\" height=\"16\" fill=\"").append(hidden ? "#b1b4b6" : BAR).append("\"/>");
            svg.append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 17)
                    .append("\" font-size=\"14\" font-family=\"Arial, sans-serif\">").append(esc(r.cell().shown()))
                    .append("</text>");
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    public static byte[] pdf(AnnualReport report) {
        StringBuilder h = new StringBuilder("<html><head><style>@page{size:A4;margin:16mm}body{font-family:sans-serif;"
                + "font-size:9pt}h1{font-size:16pt}h2{font-size:12pt;margin-top:6mm}table{width:100%;"
                + "border-collapse:collapse}th,td{border:1px solid #b1b4b6;padding:1mm 2mm;text-align:left}"
                + ".bar{background:" + BAR + ";height:3mm}.grey{background:#b1b4b6;height:3mm;width:2mm}"
                + "</style></head><body>");
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.UK);
        h.append("<h1>One Panel annual review</h1><p>Referrals received from ").append(day.format(report.from()))
                .append(" to ").append(day.format(report.to())).append(": <strong>").append(esc(report.referrals().shown()))
                .append("</strong>. Counts from 1 to 4 are shown as &lt;5; * marks a figure withheld so that a "
                        + "total does not reveal a small one.</p>");
        for (AnnualReport.Breakdown b : report.breakdowns()) {
            int max = Math.max(1, b.rows().stream().filter(r -> !r.cell().suppressed())
                    .mapToInt(r -> r.cell().count()).max().orElse(1));
            h.append("<h2>").append(esc(b.title())).append("</h2><table><tr><th>").append("</th><th>Referrals</th>"
                    + "<th style='width:45%'></th></tr>");
            for (AnnualReport.Row r : b.rows()) {
                h.append("<tr><td>").append(esc(r.label())).append("</td><td>").append(esc(r.cell().shown()))
                        .append("</td><td>").append(r.cell().suppressed() ? "<div class='grey'></div>"
                                : "<div class='bar' style='width:" + (100 * r.cell().count() / max) + "%'></div>")
                        .append("</td></tr>");
            }
            h.append("<tr><th>Total</th><th>").append(esc(b.total().shown())).append("</th><th></th></tr></table>");
        }
        h.append("<h2>Working days at each step</h2><table><tr><th>Step</th><th>Referrals</th><th>Median</th>"
                + "<th>Mean</th><th>Longest</th></tr>");
        for (AnnualReport.StepTime s : report.steps()) {
            h.append("<tr><td>").append(esc(s.step())).append("</td><td>")
                    .append(esc(SmallNumbers.single(s.referrals()).shown())).append("</td>")
                    .append(s.shown() ? "<td>" + num(s.medianWorkingDays()) + "</td><td>" + num(s.meanWorkingDays())
                            + "</td><td>" + num(s.longestWorkingDays() == null ? null
                                    : s.longestWorkingDays().doubleValue()) + "</td>"
                            : "<td colspan='3'>not shown (fewer than 5 referrals)</td>")
                    .append("</tr>");
        }
        h.append("</table><h2>Returns on time per agency</h2><table><tr><th>Agency</th><th>Requests</th>"
                + "<th>On time</th><th>Late</th><th>Not returned</th></tr>");
        for (AnnualReport.AgencyReturns a : report.returns()) {
            h.append("<tr><td>").append(esc(a.name())).append("</td><td>").append(esc(a.requests().shown()))
                    .append("</td><td>").append(esc(a.onTime().shown())).append("</td><td>")
                    .append(esc(a.late().shown())).append("</td><td>").append(esc(a.notReturned().shown()))
                    .append("</td></tr>");
        }
        h.append("</table>");
        for (AnnualReport.Comparison c : report.comparisons()) {
            h.append("<h2>").append(esc(c.title())).append(": referrals that progressed to a review and those that "
                    + "did not</h2><table><tr><th></th><th>Progressed</th><th>Did not progress</th></tr>");
            for (AnnualReport.ComparisonRow r : c.rows()) {
                h.append("<tr><td>").append(esc(r.label())).append("</td><td>").append(esc(r.progressed().shown()))
                        .append("</td><td>").append(esc(r.notProgressed().shown())).append("</td></tr>");
            }
            h.append("<tr><th>Total</th><th>").append(esc(c.progressedTotal().shown())).append("</th><th>")
                    .append(esc(c.notProgressedTotal().shown())).append("</th></tr></table>");
        }
        h.append("</body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUriResolver((base, uri) -> null);
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(h.toString())), "about:blank");
            builder.toStream(out);
            builder.run();
            return withServiceMetadata(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's PDF says who made it as the service, nothing more (no person's name in its metadata). */
    private static byte[] withServiceMetadata(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDDocumentInformation info = new org.apache.pdfbox.pdmodel.PDDocumentInformation();
            info.setTitle("One Panel annual review");
            info.setCreator("One Panel service");
            info.setProducer("One Panel service");
            info.setCreationDate(java.util.Calendar.getInstance());
            doc.setDocumentInformation(info);
            doc.getDocumentCatalog().setMetadata(null);
            doc.save(out);
            return out.toByteArray();
        }
    }

    public static byte[] xlsx(AnnualReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            serviceProperties(book.getProperties(), "One Panel annual review");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet summary = book.createSheet("Summary");
            row(summary, 0, bold, "One Panel annual review");
            row(summary, 1, null, "From", report.from().toString(), "To", report.to().toString());
            row(summary, 2, null, "Referrals received", report.referrals().shown());
            row(summary, 3, null, "Counts from 1 to 4 are shown as <5; * marks a figure withheld so that a total "
                    + "does not reveal a small one.");
            int n = 5;
            for (AnnualReport.Breakdown b : report.breakdowns()) {
                row(summary, n++, bold, b.title(), "Referrals");
                for (AnnualReport.Row r : b.rows()) {
                    row(summary, n++, null, r.label(), r.cell().shown());
                }
                row(summary, n++, bold, "Total", b.total().shown());
                n++;
            }
            Sheet steps = book.createSheet("Time at each step");
            row(steps, 0, bold, "Step", "Referrals", "Median working days", "Mean", "Longest");
            int s = 1;
            for (AnnualReport.StepTime t : report.steps()) {
                row(steps, s++, null, t.step(), SmallNumbers.single(t.referrals()).shown(),
                        t.shown() ? num(t.medianWorkingDays()) : "not shown",
                        t.shown() ? num(t.meanWorkingDays()) : "", t.shown() && t.longestWorkingDays() != null
                                ? t.longestWorkingDays().toString() : "");
            }
            Sheet returns = book.createSheet("Returns per agency");
            row(returns, 0, bold, "Agency", "Requests", "On time", "Late", "Not returned");
            int a = 1;
            for (AnnualReport.AgencyReturns r : report.returns()) {
                row(returns, a++, null, r.name(), r.requests().shown(), r.onTime().shown(), r.late().shown(),
                        r.notReturned().shown());
            }
            Sheet progress = book.createSheet("Progressed or not");
            int p = 0;
            for (AnnualReport.Comparison c : report.comparisons()) {
                row(progress, p++, bold, c.title(), "Progressed to a review", "Did not progress");
                for (AnnualReport.ComparisonRow r : c.rows()) {
                    row(progress, p++, null, r.label(), r.progressed().shown(), r.notProgressed().shown());
                }
                row(progress, p++, bold, "Total", c.progressedTotal().shown(), c.notProgressedTotal().shown());
                p++;
            }
            for (Sheet sheet : List.of(summary, steps, returns, progress)) {
                sheet.setColumnWidth(0, 60 * 256);
                for (int c = 1; c < 5; c++) {
                    sheet.setColumnWidth(c, 20 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook's core properties: the service made it; no person's name (POI would write its own). */
    public static void serviceProperties(org.apache.poi.ooxml.POIXMLProperties properties, String title) {
        var core = properties.getCoreProperties();
        core.setCreator("One Panel service");
        core.setTitle(title);
        core.setLastModifiedByUser("One Panel service");
        var extended = properties.getExtendedProperties().getUnderlyingProperties();
        extended.setApplication("One Panel service");
        if (extended.isSetCompany()) {
            extended.unsetCompany();
        }
    }

    private static void row(Sheet sheet, int index, CellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            // counts stay text: "<5" and "*" sit beside numbers, and a sum in a spreadsheet must not undo suppression
            cell.setCellValue(values[i] == null ? "" : values[i]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static String num(Double d) {
        if (d == null) {
            return "";
        }
        return d == Math.rint(d) ? Long.toString(Math.round(d)) : Double.toString(d);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
