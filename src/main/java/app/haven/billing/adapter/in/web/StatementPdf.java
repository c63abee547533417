package app.haven.billing.adapter.in.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import app.haven.billing.application.IssueStatements;
import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Payment;
import app.haven.billing.domain.Refund;
import app.haven.billing.domain.Statement;
import app.haven.billing.domain.Superbill;

/**
 * A statement as a PDF: the same figures as the JSON, laid out for a person and an insurer. When
 * the superbill is incomplete, the PDF lists what is missing instead of printing a superbill an
 * insurer would refuse. Built with OpenPDF's standard Helvetica, so no font files are needed.
 */
final class StatementPdf {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font WARNING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10, new Color(160, 0, 0));

    private StatementPdf() {
    }

    static byte[] render(IssueStatements.Issued issued, ZoneId zone) {
        Statement statement = issued.statement();
        Superbill superbill = issued.superbill();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 42, 42, 42, 42);
        PdfWriter.getInstance(document, bytes);
        document.addTitle("Statement " + statement.month());
        document.addCreator("Haven");
        document.open();

        document.add(new Paragraph(orDash(superbill.practice().name()), TITLE));
        document.add(new Paragraph(String.join("  ·  ", Stream.of(address(superbill.practice().address()),
                superbill.practice().phone(), taxId(superbill.practice().taxId())).filter(part -> part != null
                && !part.isBlank()).toList()), TEXT));
        document.add(new Paragraph("Statement for " + MONTH.format(statement.month()), HEADING));
        document.add(new Paragraph("Client: " + orDash(superbill.client().name())
                + "   Date of birth: " + orDash(superbill.client().dateOfBirth())
                + "   Address: " + orDash(address(superbill.client().address())), TEXT));
        document.add(Chunk.NEWLINE);

        String currency = statement.currency();
        PdfPTable summary = table(new float[] { 3, 2 });
        row(summary, "Opening balance", money(statement.openingBalance(), currency));
        row(summary, "Charges", money(statement.totalCharges(), currency));
        row(summary, "Payments", money(statement.totalPayments(), currency));
        row(summary, "Refunds", money(statement.totalRefunds(), currency));
        row(summary, "Closing balance", money(statement.closingBalance(), currency));
        document.add(summary);

        document.add(new Paragraph("Charges", HEADING));
        PdfPTable charges = table(new float[] { 2, 5, 1.5f, 2 });
        header(charges, "Date", "Description", "Code", "Amount");
        for (Charge charge : statement.charges()) {
            row(charges, charge.serviceDate().toString(), charge.description(), orDash(charge.serviceCode()),
                    money(charge.amount(), currency));
        }
        document.add(charges);

        document.add(new Paragraph("Payments and refunds", HEADING));
        PdfPTable money = table(new float[] { 2, 2, 3, 2, 2 });
        header(money, "Date", "Method", "Confirmation", "Status", "Amount");
        for (Payment payment : statement.payments()) {
            row(money, LocalDate.ofInstant(payment.receivedAt(), zone).toString(), payment.method().name(),
                    payment.confirmationNumber(), payment.status().name(), money(payment.amount(), currency));
        }
        for (Refund refund : statement.refunds()) {
            row(money, LocalDate.ofInstant(refund.refundedAt(), zone).toString(), "REFUND", "", "",
                    money(refund.amount(), currency));
        }
        document.add(money);

        document.add(new Paragraph("Superbill", HEADING));
        if (superbill.complete()) {
            superbill(document, superbill, currency);
        } else {
            document.add(new Paragraph("Superbill not issued: these details are missing", WARNING));
            for (String field : superbill.missingFields()) {
                document.add(new Paragraph("•  " + field, TEXT));
            }
        }
        document.close();
        return bytes.toByteArray();
    }

    private static void superbill(Document document, Superbill superbill, String currency) {
        for (Superbill.ProviderLine provider : superbill.providers()) {
            document.add(new Paragraph("Rendering provider: " + provider.name() + ", " + provider.credentials()
                    + "   NPI " + provider.npi(), TEXT));
        }
        document.add(new Paragraph("Diagnoses (ICD-10): " + String.join(", ", superbill.diagnoses()), TEXT));
        document.add(Chunk.NEWLINE);
        PdfPTable lines = table(new float[] { 2, 1.3f, 1.3f, 1, 1, 2, 2 });
        header(lines, "Date", "CPT", "Modifiers", "POS", "Units", "Amount", "Status");
        for (Superbill.Line line : superbill.lines()) {
            row(lines, line.serviceDate().toString(), line.serviceCode(), String.join(" ", line.modifiers()),
                    orDash(line.placeOfService()), String.valueOf(line.units()), money(line.amount(), currency),
                    line.paidStatus().name().replace('_', ' '));
        }
        row(lines, "Total", "", "", "", "", money(superbill.total(), currency), "");
        document.add(lines);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        return table;
    }

    private static void header(PdfPTable table, String... titles) {
        for (String title : titles) {
            PdfPCell cell = new PdfPCell(new Phrase(title, BOLD));
            cell.setBackgroundColor(new Color(235, 235, 235));
            table.addCell(cell);
        }
    }

    private static void row(PdfPTable table, String... values) {
        for (int i = 0; i < values.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(values[i], TEXT));
            if (values[i].matches("-?[0-9]+\\.[0-9]{2} [A-Z]{3}")) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.toPlainString() + " " + currency;
    }

    private static String taxId(String taxId) {
        return taxId == null ? null : "Tax ID " + taxId;
    }

    private static String address(Superbill.Address address) {
        if (address == null) {
            return null;
        }
        String joined = Stream.of(address.line1(), address.line2(), address.city(), address.region(),
                        address.postalCode(), address.country())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
