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
        // What an SMTP server takes without extensions: a dot-atom local part of at most 64 ASCII characters and a
        // host name of letter/digit labels. Quoted or non-ASCII local parts, address literals and commas were accepted
        // before, but the mailer cannot send to them: such a request could never be confirmed.
        @Email(regexp = MAILABLE, message = "must be an e-mail address such as name@example.org")
        String email,
        @Size(max = 200, message = "must be at most 200 characters")
        String name,
        @Size(max = 20, message = "must hold at most 20 identifiers")
        Map<@Pattern(regexp = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$", message = "identifier names are letters, digits, '_', '.', '-'") String,
                @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String> identifiers) {

    /** An address the mailer can send to (see the comment on {@code email}). */
    public static final String MAILABLE = "^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$";

    public SubjectIdentity {
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    }
}
