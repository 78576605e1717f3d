package uk.gov.redbridge.onepanel.papers.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** An image on a page of its own, scaled to fit A4 (landscape for a wide image). */
final class ImagePages {

    private static final float MARGIN = 36;

    private ImagePages() {
    }

    /** @throws ConversionException when the image is not readable or bigger than {@code maxPixels} */
    static byte[] toPdf(byte[] image, String fileName, long maxPixels) throws IOException {
        long pixels = pixels(image);
        if (pixels > maxPixels) {
            throw new ConversionException("the image is too large to show (" + pixels / 1_000_000 + " megapixels)");
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDImageXObject picture = PDImageXObject.createFromByteArray(doc, image, fileName);
            boolean wide = picture.getWidth() > picture.getHeight();
            PDRectangle a4 = wide ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                    : PDRectangle.A4;
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            float boxWidth = a4.getWidth() - 2 * MARGIN;
            float boxHeight = a4.getHeight() - 3 * MARGIN;
            float scale = Math.min(1f, Math.min(boxWidth / picture.getWidth(), boxHeight / picture.getHeight()));
            float w = picture.getWidth() * scale;
            float h = picture.getHeight() * scale;
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(picture, MARGIN + (boxWidth - w) / 2, a4.getHeight() - 2 * MARGIN - h, w, h);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Width × height from the image header, without decoding the pixels. */
    private static long pixels(byte[] image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ConversionException("not a readable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
