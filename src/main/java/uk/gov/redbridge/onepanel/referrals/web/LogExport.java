package uk.gov.redbridge.onepanel.referrals.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.referrals.Referral;

/**
 * The filtered log as the board reports want it: one row per referral with what the annual review counts
 * (pathway, status, referring agency, age, gender, ethnicity, disability, dates), and no name, date of birth,
 * address or NHS number. A cell a spreadsheet would read as a formula is written as text.
 */
@Component
class LogExport {

    static final List<String> COLUMNS = List.of("Reference", "Received", "Mailbox", "Pathway", "Status",
            "Referring agency", "Date of referral", "Date of incident", "Subject age", "Gender", "Ethnicity",
            "Disability", "Fields to check", "Missing information");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;
    private final uk.gov.redbridge.onepanel.shared.words.Words words;

    LogExport(Clock clock, uk.gov.redbridge.onepanel.shared.words.Words words) {
        this.clock = clock;
        this.words = words;
    }

    List<String> row(Referral r) {
        List<String> cells = new ArrayList<>();
        cells.add(r.reference().toString());
        cells.add(r.receivedAt().atZone(clock.getZone()).toLocalDate().toString());
        cells.add(words.mailbox(r.mailbox()));
        cells.add(r.pathway().label());
        cells.add(r.status().label());
        cells.add(r.referrer().agency());
        cells.add(r.form().value(FieldKeys.REFERRAL_DATE).orElse(""));
        cells.add(r.form().value(FieldKeys.REFERRAL_INCIDENT_DATE).orElse(""));
        cells.add(r.subject().age() == null ? "" : r.subject().age().toString());
        cells.add(r.form().value(FieldKeys.SUBJECT_GENDER).orElse(""));
        cells.add(r.form().value(FieldKeys.SUBJECT_ETHNICITY).orElse(""));
        cells.add(r.form().value(FieldKeys.SUBJECT_DISABILITY).orElse(""));
        cells.add(r.reviewNeeded() ? "Yes" : "No");
        cells.add(String.join("; ", r.missingFields()));
        return cells.stream().map(c -> c == null ? "" : c).toList();
    }

    ResponseEntity<byte[]> csv(List<Referral> referrals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: Excel then reads UTF-8
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.EXCEL.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Referral r : referrals) {
                printer.printRecord(row(r).stream().map(LogExport::notAFormula).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out.toByteArray(), new MediaType("text", "csv", StandardCharsets.UTF_8), "csv");
    }

    ResponseEntity<byte[]> xlsx(List<Referral> referrals) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // the workbook's core properties say the service made it: no person's name in the file's metadata
            var core = book.getProperties().getCoreProperties();
            core.setCreator("One Panel service");
            core.setTitle("One Panel referral log");
            core.setLastModifiedByUser("One Panel service");
            Sheet sheet = book.createSheet("Referral log");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, 18 * 256);
            }
            int n = 1;
            for (Referral r : referrals) {
                Row row = sheet.createRow(n++);
                List<String> cells = row(r);
                for (int i = 0; i < cells.size(); i++) {
                    // text cells: POI never evaluates a string cell, so "=..." stays text
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return download(out.toByteArray(), XLSX, "xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OWASP CSV injection: a cell starting with = + - @ (or a tab or return) is prefixed with a quote. */
    static String notAFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String extension) {
        String name = "referral-log-" + STAMP.format(LocalDate.now(clock)) + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
