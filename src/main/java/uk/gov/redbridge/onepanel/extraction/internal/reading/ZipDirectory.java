package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the central directory of a zip package (Word, OpenDocument) without inflating anything, so that entry count
 * and declared sizes can be checked before a parser touches the content, and the format told apart by its entries.
 */
final class ZipDirectory {

    record Entry(String name, long compressedSize, long size) {
    }

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;

    private ZipDirectory() {
    }

    /** The entries, or null when the bytes hold no readable zip directory (a truncated or damaged file). */
    static List<Entry> entries(byte[] zip) {
        int end = findEndOfDirectory(zip);
        if (end < 0) {
            return null;
        }
        int count = u16(zip, end + 10);
        long offset = u32(zip, end + 16);
        if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
            // zip64: let the parser's own checks decide; report what we can
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        int p = (int) offset;
        for (int i = 0; i < count; i++) {
            if (p < 0 || p + 46 > zip.length || u32(zip, p) != DIRECTORY_ENTRY) {
                return null;
            }
            long compressed = u32(zip, p + 20);
            long size = u32(zip, p + 24);
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            if (p + 46 + nameLength > zip.length) {
                return null;
            }
            String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            out.add(new Entry(name, compressed, size));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return out;
    }

    private static int findEndOfDirectory(byte[] zip) {
        // the record is 22 bytes plus a comment of at most 65535
        int min = Math.max(0, zip.length - 22 - 65535);
        for (int i = zip.length - 22; i >= min; i--) {
            if (u32(zip, i) == END_OF_DIRECTORY) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xFF)) | ((long) (b[i + 1] & 0xFF)) << 8 | ((long) (b[i + 2] & 0xFF)) << 16
                | ((long) (b[i + 3] & 0xFF)) << 24;
    }
}
