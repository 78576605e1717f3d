package uk.gov.redbridge.onepanel.extraction.variants;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import uk.gov.redbridge.onepanel.extraction.variants.Paraphrases.Split;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Layout;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Style;

/**
 * Writes referral forms the service has not seen: seeded and deterministic (the same seed and count give the same
 * bytes), no network. Each form is an invented referral ({@link VariantCases}) in a layout (section tables with one
 * or two label/answer pairs a row, persons side by side in columns, a Subject/Others grid; label and answer in one
 * cell; labels over answers; answers under labels; "Label: answer" lines) and a format (.docx, text PDF, or an email
 * with the form typed in, forwarded inline, or pasted as a table). .doc and .odt copies are made from the .docx by
 * LibreOffice from the written set (the commands are in docs/extraction.md).
 */
public final class VariantGenerator {

    /** One generated input, with the values extraction must give (FIELDS.md keys, as the corpus truth files). */
    public record GeneratedForm(String name, String extension, byte[] bytes, Map<String, String> truth,
            String description, Map<String, String> labels) {
    }

    private VariantGenerator() {
    }

    public static List<GeneratedForm> generate(long seed, int count, Split split) {
        List<GeneratedForm> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(one(seed, i, split));
        }
        return out;
    }

    /** Word forms only, for conversion to .doc and .odt. */
    public static List<GeneratedForm> wordForms(long seed, int count, Split split) {
        List<GeneratedForm> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            Layout layout = wordLayout(random);
            VariantForm form = VariantCases.invent(random, split, style(random, layout));
            out.add(new GeneratedForm(String.format("w%03d-%s", i, slug(layout)), "docx", VariantWord.write(form),
                    form.truth(), "Word, " + form.describe(), form.labels()));
        }
        return out;
    }

    public static GeneratedForm one(long seed, int index, Split split) {
        Random random = new Random(seed * 1_000_003L + index);
        int format = random.nextInt(10);
        if (format < 4) {
            Layout layout = wordLayout(random);
            VariantForm form = VariantCases.invent(random, split, style(random, layout));
            return new GeneratedForm(String.format("v%03d-docx-%s", index, slug(layout)), "docx",
                    VariantWord.write(form), form.truth(), "Word, " + form.describe(), form.labels());
        }
        if (format < 7) {
            int roll = random.nextInt(4);
            Layout layout = roll < 2 ? Layout.TABLES : roll == 2 ? Layout.COLON_LINES : Layout.BELOW;
            VariantForm form = VariantCases.invent(random, split, style(random, layout));
            return new GeneratedForm(String.format("v%03d-pdf-%s", index, slug(layout)), "pdf", VariantPdf.write(form),
                    form.truth(), "text PDF, " + form.describe(), form.labels());
        }
        int roll = random.nextInt(5);
        VariantMail.Kind kind = roll < 2 ? VariantMail.Kind.TYPED : roll < 4 ? VariantMail.Kind.FORWARDED_INLINE
                : VariantMail.Kind.HTML_TABLE;
        Layout layout = kind == VariantMail.Kind.HTML_TABLE ? Layout.TABLES
                : random.nextInt(3) == 0 ? Layout.BELOW : Layout.COLON_LINES;
        VariantForm form = VariantCases.invent(random, split, new Style(layout, 1, false, false, false));
        return new GeneratedForm(String.format("v%03d-eml-%s", index, slug(kind.name())), "eml",
                VariantMail.write(form, kind, random), form.truth(), "email, " + kind.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + ", " + form.describe(), form.labels());
    }

    private static Layout wordLayout(Random random) {
        int roll = random.nextInt(20);
        return roll < 7 ? Layout.TABLES : roll < 10 ? Layout.ONE_CELL : roll < 13 ? Layout.LABELS_OVER
                : roll < 16 ? Layout.BELOW : Layout.COLON_LINES;
    }

    private static Style style(Random random, Layout layout) {
        boolean tables = layout == Layout.TABLES;
        return new Style(layout, tables && random.nextInt(5) < 2 ? 2 : 1, tables && random.nextInt(3) == 0,
                tables && random.nextInt(10) < 3, tables && random.nextInt(10) < 3);
    }

    private static String slug(Layout layout) {
        return slug(layout.name());
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
