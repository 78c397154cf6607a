package dev.rightsdesk.connector.spi;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One task command as an engine sees it: the fields of {@code dsr.tasks.<key>} (docs/events.md), decoded and,
 * where personal fields travel encrypted, decrypted by the runtime.
 *
 * @param identifiers the subject's identifiers the system declared; each says whether Rightsdesk verified it
 * @param corrections rectification only, else empty
 * @param ground erasure only, when given ({@code 17(1)(a)} ...)
 * @param basis objection only: {@code LEGITIMATE_INTEREST} or {@code DIRECT_MARKETING}
 * @param purposes objection only: the purposes objected to, else empty
 * @param dryRun execute everything and roll back, answering the exact counts
 */
public record ConnectorCommand(
        UUID taskId,
        UUID ticketId,
        String systemKey,
        Action action,
        int attempt,
        List<SubjectIdentifier> identifiers,
        List<Correction> corrections,
        String ground,
        String basis,
        List<String> purposes,
        boolean dryRun) {

    public ConnectorCommand {
        identifiers = List.copyOf(identifiers);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }

    /** What the subject asked for (Art. 15, 16, 17, 21). */
    public enum Action { ACCESS, RECTIFICATION, ERASURE, OBJECTION }

    /** The identifier of this type, verified or not. */
    public Optional<SubjectIdentifier> identifier(String type) {
        return identifiers.stream().filter(i -> i.type().equals(type)).findFirst();
    }

    /** Only the identifiers Rightsdesk verified (the confirmed e-mail, or ones an officer marked verified). */
    public List<SubjectIdentifier> verifiedIdentifiers() {
        return identifiers.stream().filter(SubjectIdentifier::verified).toList();
    }
}
