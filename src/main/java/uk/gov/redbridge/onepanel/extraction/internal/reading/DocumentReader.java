package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;

/**
 * Reads any document the service accepts into a {@link DocumentLayout}, within the configured limits. This is what
 * runs inside the parsing worker; every failure is a {@link ReadFailure} with a reason and an explanation that
 * describes the file by its type only.
 */
public final class DocumentReader {

    private final ReadingLimits limits;

    public DocumentReader(ReadingLimits limits) {
        this.limits = limits;
        applyPackageLimits(limits);
    }

    public DocumentLayout read(String fileName, byte[] content) throws ReadFailure {
        return read(fileName, content, () -> { });
    }

    /**
     * Reads the document, calling {@code checked} once its size limits have been checked: the file's size, a
     * package's parts and their declared sizes, a PDF's page count. Those checks are cheap and come first, so a
     * document over a limit is refused as {@code too_large} before any real reading starts; the parsing worker tells
     * the service the moment they have passed, and only the reading after that is bound by the reading time limit
     * (so the reason for refusing a 100,000-page PDF does not depend on how busy the machine is).
     */
    public DocumentLayout read(String fileName, byte[] content, Runnable checked) throws ReadFailure {
        if (content == null || content.length == 0) {
            throw new ReadFailure(FailureReason.EMPTY, "the file is empty");
        }
        if (content.length > limits.maxBytes()) {
            throw new ReadFailure(FailureReason.TOO_LARGE, "the file is larger than the limit of "
                    + megabytes(limits.maxBytes()) + " MB");
        }
        List<ZipDirectory.Entry> entries = null;
        if (content.length > 4 && content[0] == 'P' && content[1] == 'K') {
            entries = ZipDirectory.entries(content);
            if (entries == null) {
                throw new ReadFailure(FailureReason.CORRUPT, "the " + claimed(fileName)
                        + " is damaged: its contents list is missing or cut short");
            }
            checkPackage(entries, claimed(fileName));
        }
        DocumentFormat format = DocumentFormat.sniff(fileName, content, entries);
        if (format != DocumentFormat.PDF) {
            // a PDF's page count is known only once it is loaded: the PDF reader reports that itself
            checked.run();
        }
        DocumentLayout layout = switch (format) {
            case DOCX -> new DocxReader(limits).read(content);
            case DOC -> new TikaReader(limits).read(content, fileName, "doc", format.description());
            case ODT -> new TikaReader(limits).read(content, fileName, "odt", format.description());
            case RTF -> new TikaReader(limits).read(content, fileName, "rtf", format.description());
            case HTML -> new TikaReader(limits).read(content, fileName, "html", format.description());
            case OTHER_PACKAGE -> new TikaReader(limits).read(content, fileName, "office", format.description());
            case OLE2 -> ole2(fileName, content);
            case PDF -> new PdfReader(limits).read(content, checked);
            case IMAGE -> new PictureReader(limits).read(content);
            case TEXT -> PlainTextReader.read(decode(content), "text");
            case ENCRYPTED_PACKAGE -> throw new ReadFailure(FailureReason.ENCRYPTED,
                    "the Office document is password-protected");
            case UNKNOWN -> throw unknown(fileName);
        };
        if (layout.text().isBlank()) {
            throw new ReadFailure(FailureReason.EMPTY, "the " + format.description() + " contains no text");
        }
        return layout;
    }

    /** An Office 97-2003 file, or an encrypted Office 2007+ document (which is stored in the same container). */
    private DocumentLayout ole2(String fileName, byte[] content) throws ReadFailure {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage") || root.hasEntryCaseInsensitive("EncryptionInfo")) {
                throw new ReadFailure(FailureReason.ENCRYPTED, "the Word document is password-protected");
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return new TikaReader(limits).read(content, fileName, "doc", "Word 97-2003 document");
            }
        } catch (IOException | RuntimeException e) {
            throw Failures.classify(e, "Office 97-2003 file");
        }
        return new TikaReader(limits).read(content, fileName, "office", "Office 97-2003 file");
    }

    private void checkPackage(List<ZipDirectory.Entry> entries, String what) throws ReadFailure {
        if (entries.size() > limits.maxZipEntries()) {
            throw new ReadFailure(FailureReason.TOO_LARGE, "the " + what + " holds more than "
                    + limits.maxZipEntries() + " parts");
        }
        for (ZipDirectory.Entry e : entries) {
            if (e.size() > limits.maxEntryBytes()) {
                throw new ReadFailure(FailureReason.TOO_LARGE, "a part of the " + what + " expands beyond the limit of "
                        + megabytes(limits.maxEntryBytes()) + " MB");
            }
            // the sizes declared in the directory: a real document never compresses this well (the zip bomb
            // check while inflating catches a directory that lies)
            if (e.size() > 100_000 && e.compressedSize() < e.size() * limits.minInflateRatio()) {
                throw new ReadFailure(FailureReason.TOO_LARGE, "the " + what
                        + " expands to far more than its size (the decompression limit was reached)");
            }
        }
    }

    private static ReadFailure unknown(String fileName) {
        String claimed = claimed(fileName);
        if (!claimed.equals("file")) {
            return new ReadFailure(FailureReason.CORRUPT, "the " + claimed
                    + " is damaged or is not what its name says");
        }
        return new ReadFailure(FailureReason.NOT_A_FORM, "the file is of a kind the service does not read for forms");
    }

    /** What the name says the file is: only the extension is used, never the name itself. */
    static String claimed(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".docx") || n.endsWith(".docm") || n.endsWith(".doc")) {
            return "Word document";
        }
        if (n.endsWith(".pdf")) {
            return "PDF";
        }
        if (n.endsWith(".odt")) {
            return "OpenDocument text";
        }
        if (n.endsWith(".rtf")) {
            return "RTF document";
        }
        return "file";
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }

    /** POI's zip limits are global: set them from the limits in force. */
    static synchronized void applyPackageLimits(ReadingLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        ZipSecureFile.setMaxFileCount(limits.maxZipEntries());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars() * 2);
    }
}
