package dev.rapport.contacts.rating;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new know/like/trust rating: all three, each from 0 (not at all) to 5 (completely). */
@Schema(name = "RatingRequest", description = "How well the owner knows, likes and trusts the contact now")
public record RatingRequest(
        @NotNull @Min(0) @Max(5) @Schema(description = "How well I know them", minimum = "0", maximum = "5", examples = "4") Integer know,
        @NotNull @Min(0) @Max(5) @Schema(description = "How much I like them", minimum = "0", maximum = "5", examples = "5") Integer like,
        @NotNull @Min(0) @Max(5) @Schema(description = "How far I trust them with my clients", minimum = "0", maximum = "5", examples = "3") Integer trust,
        @Size(max = 2000) @Schema(description = "What changed", maxLength = 2000, examples = "Delivered on the intro to Lee within a week") String note) {
}
