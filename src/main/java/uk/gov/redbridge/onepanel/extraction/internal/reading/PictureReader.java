package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;

/**
 * Reads a photo or scan saved as an image (PNG, JPEG, TIFF, including multi-page TIFF, GIF, BMP) by OCR. Images too
 * small to be a page (logos, signatures) are not forms; images too large to process safely are refused before they
 * are decoded in full.
 */
final class PictureReader {

    /** pixels on the shorter side below which an image cannot be a form page at any legible resolution */
    private static final int MIN_SIDE = 500;
    private static final long MAX_PIXELS = 60_000_000L;
    /** an A4 page is 8.27 inches wide: the resolution an image of a page must have been scanned at */
    private static final double A4_WIDTH_INCHES = 8.27;

    private final ReadingLimits limits;

    PictureReader(ReadingLimits limits) {
        this.limits = limits;
    }

    DocumentLayout read(byte[] content) throws ReadFailure {
        List<BufferedImage> pages = decode(content);
        ScanReader scans = new ScanReader(limits);
        if (!scans.available()) {
            throw new ReadFailure(FailureReason.NEEDS_OCR, "the file is an image and no OCR engine is available");
        }
        List<Block> blocks = new ArrayList<>();
        int page = 0;
        for (BufferedImage image : pages) {
            page++;
            int dpi = (int) Math.round(Math.min(image.getWidth(), image.getHeight()) / A4_WIDTH_INCHES);
            BufferedImage scaled = image;
            int target = limits.ocr().dpi();
            if (dpi < target * 0.8) {
                // OCR reads small print poorly: bring the page up to the configured resolution
                scaled = scale(image, (double) target / dpi);
                dpi = target;
            }
            int first = blocks.size();
            blocks.addAll(scans.read(scaled, page, Math.max(72, dpi)));
            PageAssembler.joinAcrossPages(blocks, first);
        }
        return new DocumentLayout("scan", pages.size(), true, blocks);
    }

    private List<BufferedImage> decode(byte[] content) throws ReadFailure {
        List<BufferedImage> out = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ReadFailure(FailureReason.CORRUPT, "the image is damaged or in a format that cannot be read");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int count = reader.getNumImages(true);
                if (count > limits.ocr().maxPages()) {
                    throw new ReadFailure(FailureReason.TOO_LARGE, "the image has more than "
                            + limits.ocr().maxPages() + " pages to read by OCR");
                }
                for (int i = 0; i < count; i++) {
                    long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
                    if (pixels > MAX_PIXELS) {
                        throw new ReadFailure(FailureReason.TOO_LARGE, "the image is larger than "
                                + MAX_PIXELS / 1_000_000 + " megapixels");
                    }
                    if (Math.min(reader.getWidth(i), reader.getHeight(i)) < MIN_SIDE) {
                        throw new ReadFailure(FailureReason.NOT_A_FORM,
                                "the image is too small to be a page of a form");
                    }
                    out.add(reader.read(i));
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ReadFailure(FailureReason.CORRUPT, "the image is damaged or in a format that cannot be read");
        }
        if (out.isEmpty()) {
            throw new ReadFailure(FailureReason.EMPTY, "the image file holds no image");
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage image, double factor) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
