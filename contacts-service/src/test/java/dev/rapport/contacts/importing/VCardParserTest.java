package dev.rapport.contacts.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.contacts.contact.ContactRequest;
import dev.rapport.contacts.contact.ContactSource;
import dev.rapport.platform.http.ProblemException;

class VCardParserTest {

    @Test
    void aVersion4CardGivesEveryFieldItHas() {
        ParsedImport parsed = parse("""
                BEGIN:VCARD
                VERSION:4.0
                FN:Sam Carter
                N:Carter;Sam;;;
                ORG:Carter & Co Accountants;Tax
                TITLE:Founder
                EMAIL;TYPE=work:sam@carter.example
                EMAIL;TYPE=home:sam@home.example
                TEL;VALUE=uri;TYPE="voice,cell":tel:+44-20-7946-0000
                CATEGORIES:accountant,bni
                NOTE:Met at the BNI breakfast\\, 12 March\\nWants referrals
                ADR;TYPE=work:;;1 High St;London;;;UK
                URL:https://carter.example
                END:VCARD
                """);

        assertThat(parsed.rows()).hasSize(1);
        assertThat(request(parsed, 0)).isEqualTo(new ContactRequest("Sam Carter", "Carter & Co Accountants", "Founder",
                "sam@carter.example", "+44-20-7946-0000", null, null, null, List.of("accountant", "bni"),
                "Met at the BNI breakfast, 12 March\nWants referrals", ContactSource.BUSINESS_CARD, null, null, null, null));
        assertThat(parsed.ignoredColumns()).containsExactly("ADR", "URL");
    }

    @Test
    void aVersion3CardWithFoldedLinesCrlfAndEscapesIsRead() {
        ParsedImport parsed = parse("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Patel;Jo;;;\r\nFN:Jo\r\n  Patel\r\n"
                + "ORG:Patel\\; Sons\\\\Design\r\nNOTE:A long note that was \r\n\tfolded twice\r\n \\, with a comma\r\n"
                + "item1.EMAIL;type=INTERNET;type=pref:jo@patel.example\r\nTEL;TYPE=CELL:+44 7700 900000\r\nEND:VCARD\r\n");

        ContactRequest jo = request(parsed, 0);
        assertThat(jo.name()).isEqualTo("Jo Patel");
        assertThat(jo.company()).isEqualTo("Patel; Sons\\Design");
        assertThat(jo.notes()).isEqualTo("A long note that was folded twice, with a comma");
        assertThat(jo.email()).isEqualTo("jo@patel.example");
        assertThat(jo.phone()).isEqualTo("+44 7700 900000");
    }

    @Test
    void aFoldInsideAUtf8SequenceIsJoinedBeforeDecoding() {
        byte[] zoe = "Zoë".getBytes(UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:".getBytes(UTF_8));
        body.write(zoe, 0, 3); // "Zo" and the first byte of "ë"
        body.writeBytes("\r\n ".getBytes(UTF_8));
        body.write(zoe, 3, zoe.length - 3);
        body.writeBytes(" Müller\r\nEND:VCARD\r\n".getBytes(UTF_8));

        assertThat(request(VCardParser.parse(body.toByteArray()), 0).name()).isEqualTo("Zoë Müller");
    }

    @Test
    void aByteOrderMarkMayComeFirst() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        body.writeBytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Carter\r\nEND:VCARD\r\n".getBytes(UTF_8));

        assertThat(request(VCardParser.parse(body.toByteArray()), 0).name()).isEqualTo("Sam Carter");
    }

    @Test
    void withoutFnTheNameComesFromN() {
        assertThat(request(parse("BEGIN:VCARD\nVERSION:3.0\nN:Carter;Sam;;Dr.;\nEND:VCARD\n"), 0).name()).isEqualTo("Sam Carter");
    }

    @Test
    void aCardOfAnotherVersionOrWithoutOneIsRejectedAndTheOthersAreRead() {
        ParsedImport parsed = parse("""
                BEGIN:VCARD
                VERSION:2.1
                N;ENCODING=QUOTED-PRINTABLE:Carter;Sam=
                =20Jr
                END:VCARD
                BEGIN:VCARD
                FN:No Version
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Jo Patel
                END:VCARD
                """);

        assertThat(parsed.rows()).hasSize(3);
        assertThat(parsed.rows().get(0)).isEqualTo(new ImportRow.Unreadable(1, "is vCard 2.1; only vCard 3.0 and 4.0 are read"));
        assertThat(parsed.rows().get(1)).isEqualTo(new ImportRow.Unreadable(2, "has no VERSION; only vCard 3.0 and 4.0 are read"));
        assertThat(request(parsed, 2).name()).isEqualTo("Jo Patel");
    }

    @Test
    void aCardThatIsNotUtf8IsRejectedAlone() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("BEGIN:VCARD\nVERSION:4.0\nFN:Sam\nNOTE:".getBytes(UTF_8));
        body.writeBytes(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }); // \ud800 as CESU-8
        body.writeBytes("\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Jo\nEND:VCARD\n".getBytes(UTF_8));

        ParsedImport parsed = VCardParser.parse(body.toByteArray());

        assertThat(parsed.rows().get(0)).isEqualTo(new ImportRow.Unreadable(1, "not valid UTF-8"));
        assertThat(request(parsed, 1).name()).isEqualTo("Jo");
    }

    @Test
    void aLineThatIsNotAPropertyRejectsTheCard() {
        ParsedImport parsed = parse("BEGIN:VCARD\nVERSION:4.0\nFN:Sam\njust some text\nEND:VCARD\n");

        assertThat(parsed.rows()).containsExactly(new ImportRow.Unreadable(1, "line 4 is not a vCard property (NAME:value)"));
    }

    @Test
    void aCardWithoutANameIsLeftForValidationToRefuse() {
        assertThat(request(parse("BEGIN:VCARD\nVERSION:4.0\nEMAIL:sam@carter.example\nEND:VCARD\n"), 0).name()).isNull();
    }

    @Test
    void aBodyWhoseCardsCannotBeToldApartIsRefusedWhole() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(ProblemException.class).hasMessageContaining("holds no vCard");
        assertThatThrownBy(() -> parse("Name,Email\nSam,sam@carter.example\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("line 1 is outside any BEGIN:VCARD");
        assertThatThrownBy(() -> parse("BEGIN:VCARD\nVERSION:4.0\nFN:Sam\nBEGIN:VCARD\nFN:Jo\nEND:VCARD\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("card 1 has no END:VCARD before line 4");
        assertThatThrownBy(() -> parse("BEGIN:VCARD\nVERSION:4.0\nFN:Sam\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("card 1 has no END:VCARD");
        assertThatThrownBy(() -> parse("END:VCARD\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("line 1 ends a card that was never begun");
    }

    @Test
    void escapesAndSeparators() {
        assertThat(VCardParser.unescape("a\\,b\\;c\\\\d\\ne\\Nf\\:g")).isEqualTo("a,b;c\\d\ne\nf\\:g");
        assertThat(VCardParser.split("a\\,b,c,,d", ',')).containsExactly("a\\,b", "c", "", "d");
        assertThat(VCardParser.split("Carter;Sam;;;", ';')).containsExactly("Carter", "Sam", "", "", "");
    }

    private static ParsedImport parse(String vcard) {
        return VCardParser.parse(vcard.getBytes(UTF_8));
    }

    private static ContactRequest request(ParsedImport parsed, int index) {
        ImportRow row = parsed.rows().get(index);
        assertThat(row).isInstanceOf(ImportRow.Readable.class);
        return ((ImportRow.Readable) row).request();
    }
}
