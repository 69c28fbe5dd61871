package dev.rapport.contacts.importing;

import java.util.function.Function;

import jakarta.ws.rs.core.MediaType;

/** The formats an import reads, by the media type of the upload. */
enum ImportFormat {
    CSV(ImportFormat.CSV_TYPE, CsvParser::parse),
    VCARD(ImportFormat.VCARD_TYPE, VCardParser::parse);

    static final String CSV_TYPE = "text/csv";
    static final String VCARD_TYPE = "text/vcard";

    private final MediaType mediaType;
    private final Function<byte[], ParsedImport> parser;

    ImportFormat(String mediaType, Function<byte[], ParsedImport> parser) {
        this.mediaType = MediaType.valueOf(mediaType);
        this.parser = parser;
    }

    ParsedImport parse(byte[] body) {
        return parser.apply(body);
    }

    /** The format of an upload of this media type (JAX-RS has matched it to one of them already). */
    static ImportFormat of(MediaType type) {
        for (ImportFormat format : values()) {
            if (format.mediaType.isCompatible(type)) {
                return format;
            }
        }
        throw new IllegalArgumentException("No import format for " + type);
    }
}
