package dev.rapport.contacts.importing;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.MaxBodySize;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Import of collected business cards, from a CSV file or a vCard file, with a report of every row. */
@Path("/contacts/import")
@Authenticated
@Tag(name = "Contacts", description = "The people in the owner's network")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final String CSV_EXAMPLE = "Full Name,Company,Job Title,E-mail,Mobile,Tags,Notes,LinkedIn\r\n"
            + "Sam Carter,Carter & Co Accountants,Founder,sam@carter.example,+44 20 7946 0000,accountant;bni,"
            + "\"Met at the BNI breakfast, 12 March\",https://linkedin.example/sam\r\n"
            + "Jo Patel,Patel Design,Director,jo@patel.example,,design,,\r\n"
            + "Sam Carter,Carter & Co Accountants,,,,,,\r\n"
            + "Alex Moreno,,,not-an-email,,,,\r\n";
    private static final String VCARD_EXAMPLE = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam Carter\r\nN:Carter;Sam;;;\r\n"
            + "ORG:Carter & Co Accountants\r\nTITLE:Founder\r\nEMAIL;TYPE=work:sam@carter.example\r\n"
            + "TEL;VALUE=uri:tel:+44-20-7946-0000\r\nCATEGORIES:accountant,bni\r\n"
            + "NOTE:Met at the BNI breakfast\\, 12 March\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jo Patel\r\nORG:Patel Design\r\nEMAIL:jo@patel.example\r\nEND:VCARD\r\n";
    private static final String REPORT_EXAMPLE = """
            {"created": 2, "duplicates": 1, "rejected": 1, "ignoredColumns": ["LinkedIn"], "rows": [
              {"row": 1, "outcome": "CREATED", "contactId": "0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11"},
              {"row": 2, "outcome": "CREATED", "contactId": "5d2e8f10-7a4b-4c1d-9e3f-2a6b8c0d4e12"},
              {"row": 3, "outcome": "DUPLICATE", "contactId": "0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11", "duplicateOf": 1,
               "reason": "the same name and company as row 1"},
              {"row": 4, "outcome": "REJECTED", "reason": "email: must be a well-formed email address"}]}""";
    private static final String NOTHING_NEW_EXAMPLE = """
            {"created": 0, "duplicates": 1, "rejected": 0, "ignoredColumns": [], "rows": [
              {"row": 1, "outcome": "DUPLICATE", "contactId": "0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11",
               "reason": "the same email as an existing contact"}]}""";

    private final ImportService imports;
    private final CurrentOwner owner;

    ImportResource(ImportService imports, CurrentOwner owner) {
        this.imports = imports;
        this.owner = owner;
    }

    @POST
    @Consumes({ ImportFormat.CSV_TYPE, ImportFormat.VCARD_TYPE })
    @MaxBodySize(property = "rapport.contacts.import.max-body-size")
    @Operation(operationId = "importContacts", summary = "Import collected business cards",
            description = "Reads a CSV file (text/csv, RFC 4180, the first line the header) or a vCard 3.0/4.0 file "
                    + "(text/vcard, one card a row), in UTF-8, and adds each row as a contact with source BUSINESS_CARD "
                    + "and stage PROSPECT, publishing rapport.contact.created.v1 for each. CSV headers are matched "
                    + "ignoring case and punctuation: Name or Full Name (or First Name and Last Name), Company or "
                    + "Organization, Role, Title or Job Title, Email or E-mail, Phone or Mobile, Business, Target Market, "
                    + "Ideal Client, Tags (split on ; or |), Notes; other columns are ignored and listed. "
                    + "Each row is validated as POST /contacts validates its body; a row that is not UTF-8 or not valid "
                    + "is rejected with the reason, and the others are still imported. A row with the email, or the "
                    + "name and company, of one of the caller's contacts or of an earlier row is skipped as a duplicate. "
                    + "At most 5,000 rows and 8 MiB. All rows are imported in one transaction: a failure of the whole "
                    + "imports nothing. Send an Idempotency-Key to make a retried upload safe.")
    @RequestBody(required = true, content = {
            @Content(mediaType = ImportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", summary = "Four cards, one a duplicate and one invalid",
                            value = CSV_EXAMPLE)),
            @Content(mediaType = ImportFormat.VCARD_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "vcard", summary = "Two cards, vCard 4.0 and 3.0",
                            value = VCARD_EXAMPLE)) })
    @APIResponse(responseCode = "201", description = "At least one contact was made; the report says what became of each row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "imported", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "No contact was made: every row was a duplicate or rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "nothing new", value = NOTHING_NEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body cannot be read as rows: empty, a CSV header without a name "
            + "column (the detail lists the accepted headers) or a quote never closed, a vCard line outside a card or a card "
            + "without END:VCARD; nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "More than 5,000 rows (too-many-rows) or a body over 8 MiB "
            + "(payload-too-large); nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "Neither text/csv nor text/vcard, or a charset other than UTF-8 (or its subset US-ASCII)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response importCards(@Context HttpHeaders headers, byte[] body) {
        MediaType type = headers.getMediaType();
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())
                && !charset.equalsIgnoreCase(StandardCharsets.US_ASCII.name())) {
            throw new ProblemException("unsupported-media-type", "Unsupported Media Type", 415,
                    "The file is " + charset + "; send it as UTF-8 (charset=utf-8)");
        }
        ImportReport report = imports.importRows(owner.id(), ImportFormat.of(type).parse(body));
        return Response.status(report.created() > 0 ? Response.Status.CREATED : Response.Status.OK).entity(report).build();
    }
}
