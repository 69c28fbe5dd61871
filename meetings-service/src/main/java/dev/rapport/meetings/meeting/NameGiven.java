package dev.rapport.meetings.meeting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person the contact named when asked "who do you know…?". contacts-service adds each as a
 * new contact introduced by the person met.
 */
@Schema(name = "NameGiven", description = "A person the contact named, to be introduced")
public record NameGiven(
        @NotBlank @Size(max = 200) @Schema(examples = "Lee Park", maxLength = 200) String name,
        @Size(max = 200) @Schema(examples = "Park Lettings", maxLength = 200) String company,
        @Email @Size(max = 320) @Schema(examples = "lee@parklettings.example", maxLength = 320) String email,
        @Size(max = 50) @Pattern(regexp = "^[0-9+()\\-. ]*$", message = "may contain only digits, spaces and + ( ) - .")
        @Schema(examples = "+44 20 7946 0123", maxLength = 50) String phone,
        @Size(max = 2000) @Schema(description = "Why they were named", maxLength = 2000,
                examples = "Looking for an accountant for three new shops") String note) {
}
