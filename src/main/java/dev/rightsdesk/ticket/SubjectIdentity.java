package dev.rightsdesk.ticket;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Who the request is about: an e-mail address (required), a name and further identifiers. */
public record SubjectIdentity(
        @NotBlank(message = "is required")
        @Size(max = 254, message = "must be at most 254 characters")
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address such as name@example.org")
        String email,
        @Size(max = 200, message = "must be at most 200 characters")
        String name,
        @Size(max = 20, message = "must hold at most 20 identifiers")
        Map<@Pattern(regexp = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$", message = "identifier names are letters, digits, '_', '.', '-'") String,
                @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String> identifiers) {

    public SubjectIdentity {
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    }
}
