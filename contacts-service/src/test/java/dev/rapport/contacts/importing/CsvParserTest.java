package dev.rapport.contacts.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

import dev.rapport.contacts.contact.ContactRequest;
import dev.rapport.contacts.contact.ContactSource;
import dev.rapport.platform.http.ProblemException;

class CsvParserTest {

    @Test
    void headersAreMatchedIgnoringCaseAndPunctuationAndUnknownOnesAreListed() {
        ParsedImport parsed = parse("FULL NAME,organization,Job Title,E-mail,Mobile,Target Market,Ideal client,Business,Notes,LinkedIn,\n"
                + "Sam Carter,Carter & Co,Founder,sam@carter.example,+44 20 7946 0000,Small firms,A design studio,Bookkeeping,Met at BNI,x,\n");

        assertThat(parsed.ignoredColumns()).containsExactly("LinkedIn");
        assertThat(request(parsed, 0)).isEqualTo(new ContactRequest("Sam Carter", "Carter & Co", "Founder", "sam@carter.example",
                "+44 20 7946 0000", "Bookkeeping", "Small firms", "A design studio", null, "Met at BNI", ContactSource.BUSINESS_CARD, null, null, null, null));
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        ParsedImport parsed = parse("Name,Company,Notes\r\n"
                + "\"Carter, Sam\",\"Carter \"\"& Co\"\"\",\"Line one\r\nLine two\"\r\n"
                + "Jo Patel,,\"\"\r\n");

        assertThat(parsed.rows()).hasSize(2);
        assertThat(request(parsed, 0).name()).isEqualTo("Carter, Sam");
        assertThat(request(parsed, 0).company()).isEqualTo("Carter \"& Co\"");
        assertThat(request(parsed, 0).notes()).isEqualTo("Line one\r\nLine two");
        assertThat(parsed.rows().get(1).row()).isEqualTo(2);
        assertThat(request(parsed, 1).company()).isNull();
        assertThat(request(parsed, 1).notes()).isNull();
    }

    @Test
    void aByteOrderMarkLfLineBreaksAndAMissingLastLineBreakAreFine() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        ParsedImport parsed = parse(concat(bom, "Name,Email\nSam Carter,sam@carter.example\nJo Patel,jo@patel.example".getBytes(UTF_8)));

        assertThat(parsed.ignoredColumns()).isEmpty();
        assertThat(parsed.rows()).extracting(r -> ((ImportRow.Readable) r).request().name()).containsExactly("Sam Carter", "Jo Patel");
    }

    @Test
    void tagsAreSplitOnSemicolonsAndBarsAndBlankOnesDropped() {
        ParsedImport parsed = parse("Name,Tags\nSam, accountant; bni|| referrer \n");

        assertThat(request(parsed, 0).tags()).containsExactly("accountant", "bni", "referrer");
    }

    @Test
    void firstAndLastNameMakeTheNameWhenThereIsNoNameColumn() {
        ParsedImport parsed = parse("First Name,Last Name,Surname\nSam,Carter,Other\n,Patel,\n");

        assertThat(request(parsed, 0).name()).isEqualTo("Sam Carter");
        assertThat(request(parsed, 1).name()).isEqualTo("Patel");
        assertThat(parsed.ignoredColumns()).containsExactly("Surname");
    }

    @Test
    void aRowThatIsNotUtf8IsUnreadableAloneAndTheRowsAroundItAreRead() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("Name,Company\nSam Carter,Carter\n".getBytes(UTF_8));
        body.writeBytes(new byte[] { 'J', 'o', (byte) 0xC0, (byte) 0x80, ',', 'X', '\n' });
        body.writeBytes("Zoë Müller,Müller GmbH\n".getBytes(UTF_8));

        ParsedImport parsed = CsvParser.parse(body.toByteArray());

        assertThat(parsed.rows()).hasSize(3);
        assertThat(parsed.rows().get(1)).isEqualTo(new ImportRow.Unreadable(2, "not valid UTF-8"));
        assertThat(request(parsed, 2).name()).isEqualTo("Zoë Müller");
    }

    @Test
    void blankRowsAreSkippedButKeepTheirNumber() {
        ParsedImport parsed = parse("Name,Email\nSam,\n\n , \nJo,\n");

        assertThat(parsed.rows()).extracting(ImportRow::row).containsExactly(1, 4);
    }

    @Test
    void rowsWithTooManyFieldsOrTextAfterAClosingQuoteAreUnreadable() {
        ParsedImport parsed = parse("Name,Company\nCarter, Sam,Carter & Co\n\"Sam\" Carter,X\nJo,Patel,,\n");

        assertThat(parsed.rows()).containsExactly(
                new ImportRow.Unreadable(1, "has 3 fields but the header has 2 (a comma in a value that is not quoted?)"),
                new ImportRow.Unreadable(2, "has text after the closing quote of a field; quote the whole field"),
                parsed.rows().get(2));
        assertThat(request(parsed, 2).company()).isEqualTo("Patel");
    }

    @Test
    void aNulCharacterMakesTheRowUnreadable() {
        ParsedImport parsed = parse("Name,Notes\nSam,a\u0000b\n");

        assertThat(parsed.rows()).containsExactly(new ImportRow.Unreadable(1, "notes: must not contain NUL characters"));
    }

    @Test
    void aMissingNameIsLeftForValidationToRefuse() {
        ParsedImport parsed = parse("Name,Email\n,sam@carter.example\n");

        assertThat(request(parsed, 0).name()).isNull();
        assertThat(request(parsed, 0).email()).isEqualTo("sam@carter.example");
    }

    @Test
    void aHeaderWithoutANameColumnIsRefusedNamingTheAcceptedHeaders() {
        assertThatThrownBy(() -> parse("Company,Email\nCarter,sam@carter.example\n"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().detail())
                        .contains("no name column", "\"Full Name\"", "\"First Name\"", "\"Last Name\"", "\"E-mail\""));
    }

    @Test
    void anEmptyBodyAQuoteNeverClosedAndAHeaderThatIsNotUtf8AreRefusedWhole() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(ProblemException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("Name,Notes\nSam,ok\nJo,\"never closed\nAlex,x\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("row 2 has a quoted field that is never closed");
        assertThatThrownBy(() -> CsvParser.parse(new byte[] { 'N', 'a', 'm', 'e', (byte) 0xFF, '\n' }))
                .isInstanceOf(ProblemException.class).hasMessageContaining("the header is not valid UTF-8");
    }

    @Test
    void aDuplicateColumnForTheSameFieldIsIgnoredAfterTheFirst() {
        ParsedImport parsed = parse("Name,Phone,Mobile\nSam,+44 1,+44 2\n");

        assertThat(request(parsed, 0).phone()).isEqualTo("+44 1");
        assertThat(parsed.ignoredColumns()).containsExactly("Mobile");
    }

    private static ParsedImport parse(String csv) {
        return CsvParser.parse(csv.getBytes(UTF_8));
    }

    private static ParsedImport parse(byte[] csv) {
        return CsvParser.parse(csv);
    }

    private static ContactRequest request(ParsedImport parsed, int index) {
        ImportRow row = parsed.rows().get(index);
        assertThat(row).isInstanceOf(ImportRow.Readable.class);
        return ((ImportRow.Readable) row).request();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
