package dev.rapport.contacts.importing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** The limits of POST /contacts/import. */
@ConfigMapping(prefix = "rapport.contacts.import")
interface ImportConfig {

    /** More data rows than this answer 413 and import nothing. */
    int maxRows();

    /**
     * Larger bodies answer 413 before they are read; applied by the platform's BodySizeLimit
     * through {@code @MaxBodySize} on the operation, listed here so that a bad value fails at start.
     */
    MemorySize maxBodySize();
}
