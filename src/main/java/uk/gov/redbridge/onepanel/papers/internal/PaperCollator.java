package uk.gov.redbridge.onepanel.papers.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.ReferralLink;
import uk.gov.redbridge.onepanel.papers.AgendaLine;
import uk.gov.redbridge.onepanel.papers.CollatedPapers;
import uk.gov.redbridge.onepanel.papers.NotConverted;
import uk.gov.redbridge.onepanel.papers.PackRequest;
import uk.gov.redbridge.onepanel.papers.PaperEntry;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Builds the papers: one referral's (cover sheet, contents, the form, every document), and a meeting's pack (the
 * agenda, then each referral's papers). Documents are converted once; the cover, contents and agenda, which carry
 * page numbers, are laid out again until their own length settles.
 */
@Component
class PaperCollator {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final int LAYOUT_ROUNDS = 4;

    /** A document converted, with the bookmark it gets. */
    record Doc(String title, Conversion.Pages pages) {
    }

    /** A document that could not be converted, with its bytes for attaching. */
    record Unconverted(NotConverted listing, String contentType, byte[] bytes) {
    }

    /** One referral's papers, converted, not yet laid out. */
    record Section(ReferralReference reference, String heading, Conversion.Pages cover, List<Doc> docs,
            List<Unconverted> unconverted) {
    }

    record Laid(List<PdfAssembler.Part> parts, List<PaperEntry> entries, int pages) {
    }

    record Built(byte[] pdf, int pages, List<PaperEntry> contents, List<NotConverted> notConverted) {
    }

    private final FamilyLinks links;
    private final ReferralPaperSource source;
    private final DocumentConverter converter;
    private final PaperPages pages;
    private final PapersSettings settings;
    private final java.time.Clock clock;
    private final uk.gov.redbridge.onepanel.shared.words.Words words;
    private final FormExtractor extractor;

    PaperCollator(ReferralPaperSource source, DocumentConverter converter, PaperPages pages,
            PapersSettings settings, java.time.Clock clock, FamilyLinks links,
            uk.gov.redbridge.onepanel.shared.words.Words words, FormExtractor extractor) {
        this.extractor = extractor;
        this.links = links;
        this.words = words;
        this.source = source;
        this.converter = converter;
        this.pages = pages;
        this.settings = settings;
        this.clock = clock;
    }

    CollatedPapers referralPapers(ReferralReference reference) {
        Section section = section(reference);
        Laid laid = layout(section, 1, null);
        PdfAssembler.Assembled pdf = PdfAssembler.assemble(laid.parts(), attachments(List.of(section)),
                "One Panel papers " + reference);
        return new CollatedPapers(reference, pdf.pdf(), pdf.pages(), laid.entries(),
                section.unconverted().stream().map(Unconverted::listing).toList());
    }

    Built pack(PackRequest request) {
        return pack(request, uk.gov.redbridge.onepanel.papers.PackProgress.NONE);
    }

    Built pack(PackRequest request, uk.gov.redbridge.onepanel.papers.PackProgress progress) {
        List<Section> sections = new ArrayList<>();
        Map<Integer, Section> byItem = new LinkedHashMap<>();
        int total = (int) request.items().stream().filter(l -> l.referral() != null).count();
        progress.collated(0, total);
        for (AgendaLine line : request.items()) {
            if (line.referral() != null) {
                Section s = section(line.referral());
                sections.add(s);
                byItem.put(line.number(), s);
                progress.collated(sections.size(), total);
            }
        }
        int agendaPages = 1;
        for (int round = 0; round < LAYOUT_ROUNDS; round++) {
            List<PdfAssembler.Part> parts = new ArrayList<>();
            List<PaperEntry> entries = new ArrayList<>();
            Map<Integer, Integer> startPages = new HashMap<>();
            int next = agendaPages + 1;
            List<Laid> laidOut = new ArrayList<>();
            for (Map.Entry<Integer, Section> e : byItem.entrySet()) {
                startPages.put(e.getKey(), next);
                Laid laid = layout(e.getValue(), next, "Item " + e.getKey() + ": " + e.getValue().heading());
                laidOut.add(laid);
                next += laid.pages();
            }
            Conversion.Pages agenda = agenda(request, startPages, sections);
            if (agenda.pages() != agendaPages) {
                agendaPages = agenda.pages();
                continue;
            }
            parts.add(new PdfAssembler.Part(null, "Agenda", agenda.pdf(), "One Panel agenda"));
            entries.add(new PaperEntry(null, "Agenda", 1, agenda.pages(), "generated"));
            for (Laid laid : laidOut) {
                parts.addAll(laid.parts());
                entries.addAll(laid.entries());
            }
            PdfAssembler.Assembled pdf = PdfAssembler.assemble(parts, attachments(sections), request.heading());
            List<NotConverted> notConverted = sections.stream().flatMap(s -> s.unconverted().stream())
                    .map(Unconverted::listing).toList();
            return new Built(pdf.pdf(), pdf.pages(), entries, notConverted);
        }
        throw new IllegalStateException("the agenda's length did not settle");
    }

    /** Converts every document of a referral, and writes its cover sheet. */
    Section section(ReferralReference reference) {
        ReferralPaperSource.Bundle bundle = source.bundle(reference);
        Referral referral = bundle.referral();
        String ref = reference.toString();
        List<Doc> docs = new ArrayList<>();
        List<Unconverted> unconverted = new ArrayList<>();
        if (!bundle.formDocument()) {
            docs.add(new Doc("Referral form (as read from the email)", pages.render("form",
                    Map.of("reference", ref, "sections", FormLabels.sections(extractor.layout(referral.form()), referral.form()),
                            "source", referral.formSource() == null ? "entered by hand" : "the email body"))));
        }
        for (ReferralPaperSource.Item item : bundle.documents()) {
            byte[] bytes = item.bytes().get();
            SourceDocument document = new SourceDocument(ref, item.source(), item.fileName(), item.contentType(),
                    bytes);
            Conversion result = converter.convert(document);
            if (result instanceof Conversion.Pages p) {
                docs.add(new Doc(item.source() + ": " + item.fileName(), p));
            } else {
                String reason = ((Conversion.Refused) result).reason();
                boolean attachable = bytes.length > 0 && bytes.length <= settings.maxAttachedSize().toBytes();
                unconverted.add(new Unconverted(new NotConverted(ref, item.source(), item.fileName(),
                        reason + (attachable ? "" : "; too large to attach: open it from the case")),
                        item.contentType(), attachable ? bytes : null));
            }
        }
        String heading = ref + " " + referral.pathway().label();
        Map<String, Object> model = new HashMap<>();
        model.put("referral", referral);
        model.put("reference", ref);
        model.put("mailbox", words.mailbox(referral.mailbox()));
        model.put("received", DATE.format(referral.receivedAt().atZone(clock.getZone())));
        model.put("form", referral.form());
        model.put("facts", facts(referral));
        model.put("referrerLine", String.join(", ", java.util.stream.Stream.of(FieldKeys.REFERRER_NAME,
                FieldKeys.REFERRER_ROLE, FieldKeys.REFERRER_AGENCY).map(k -> referral.form().value(k).orElse("")).filter(v -> !v.isBlank()).toList()));
        model.put("returns", bundle.returns().stream().map(this::returnRow).toList());
        model.put("unconverted", unconverted.stream().map(Unconverted::listing).toList());
        model.put("appendices", DecisionSupport.forReferral(referral.pathway(), referral.form(),
                referral.receivedAt().atZone(clock.getZone()).toLocalDate()));
        model.put("date", DATE);
        model.put("alsoKnown", links.alsoKnownTo(reference));
        return new Section(reference, heading, pages.render("cover", model), docs, unconverted);
    }

    private static final String[][] FACTS = {{"Other names used", FieldKeys.SUBJECT_OTHER_NAMES},
            {"Date of birth", FieldKeys.SUBJECT_DATE_OF_BIRTH}, {"Age", FieldKeys.SUBJECT_AGE}, {"Gender", FieldKeys.SUBJECT_GENDER},
            {"Ethnicity", FieldKeys.SUBJECT_ETHNICITY}, {"Disability", FieldKeys.SUBJECT_DISABILITY},
            {"NHS number", FieldKeys.SUBJECT_NHS_NUMBER}, {"Date of incident/death", FieldKeys.REFERRAL_INCIDENT_DATE},
            {"Postmortem result", FieldKeys.SUBJECT_POSTMORTEM_RESULT},
            {"Summary of reason for referral", FieldKeys.REFERRAL_REASON}, {"Considerations", FieldKeys.REFERRER_CONSIDERATIONS}};

    private static List<String[]> facts(Referral referral) {
        List<String[]> out = new ArrayList<>();
        for (String[] f : FACTS) {
            referral.form().value(f[1]).ifPresent(v -> out.add(new String[] {f[0], ShownValues.shown(v)}));
        }
        return out;
    }

    private String[] returnRow(ReferralPaperSource.ReturnState r) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        return new String[] {r.agencyName(), r.state(),
                r.sentAt() == null ? "" : day.format(r.sentAt().atZone(clock.getZone())),
                r.due() == null ? "" : day.format(r.due()),
                r.answeredAt() == null ? "" : day.format(r.answeredAt().atZone(clock.getZone())),
                Integer.toString(r.documents())};
    }

    /** Cover, contents (with page numbers from {@code firstPage}), then the documents. */
    Laid layout(Section section, int firstPage, String group) {
        String footer = section.reference().toString();
        int contentsPages = 1;
        for (int round = 0; round < LAYOUT_ROUNDS; round++) {
            List<PaperEntry> entries = new ArrayList<>();
            String ref = section.reference().toString();
            int page = firstPage;
            entries.add(new PaperEntry(ref, "Cover sheet", page, section.cover().pages(), "generated"));
            page += section.cover().pages();
            entries.add(new PaperEntry(ref, "Contents", page, contentsPages, "generated"));
            page += contentsPages;
            for (Doc doc : section.docs()) {
                entries.add(new PaperEntry(ref, doc.title(), page, doc.pages().pages(), doc.pages().method()));
                page += doc.pages().pages();
            }
            Conversion.Pages contents = pages.render("contents", Map.of("reference", ref, "entries", entries,
                    "unconverted", section.unconverted().stream().map(Unconverted::listing).toList()));
            if (contents.pages() != contentsPages) {
                contentsPages = contents.pages();
                continue;
            }
            List<PdfAssembler.Part> parts = new ArrayList<>();
            parts.add(new PdfAssembler.Part(group, "Cover sheet", section.cover().pdf(), footer));
            parts.add(new PdfAssembler.Part(group, "Contents", contents.pdf(), footer));
            for (Doc doc : section.docs()) {
                parts.add(new PdfAssembler.Part(group, doc.title(), doc.pages().pdf(), footer));
            }
            return new Laid(parts, entries, page - firstPage);
        }
        throw new IllegalStateException("the contents' length did not settle");
    }

    private Conversion.Pages agenda(PackRequest request, Map<Integer, Integer> startPages, List<Section> sections) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (AgendaLine line : request.items()) {
            Map<String, Object> item = new HashMap<>();
            item.put("number", line.number());
            item.put("title", line.title());
            item.put("detail", line.detail() == null ? "" : line.detail());
            item.put("page", startPages.get(line.number()));
            item.put("alsoKnown", line.referral() == null ? List.of()
                    : links.alsoKnownTo(line.referral()).stream().map(ReferralLink::summary).toList());
            items.add(item);
        }
        return pages.render("agenda", Map.of("heading", request.heading(), "notes", request.notes(), "items", items,
                "papersDeadline", request.papersDeadline() == null ? "" : DATE.format(request.papersDeadline()),
                "unconverted", sections.stream().flatMap(s -> s.unconverted().stream()).map(Unconverted::listing)
                        .toList()));
    }

    private static List<PdfAssembler.Attachment> attachments(List<Section> sections) {
        List<PdfAssembler.Attachment> out = new ArrayList<>();
        for (Section s : sections) {
            for (Unconverted u : s.unconverted()) {
                if (u.bytes() != null) {
                    out.add(new PdfAssembler.Attachment(s.reference() + " " + u.listing().source() + " - "
                            + u.listing().fileName(), u.contentType(), u.bytes()));
                }
            }
        }
        return out;
    }
}
