package dev.rightsdesk.system.rest;

import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.SystemKind;
import dev.rightsdesk.ticket.RequestType;
import java.util.List;

/** A connected system as the API shows it; {@code replyDeadline} is an ISO-8601 duration ({@code PT120H}). */
public record SystemView(
        String key,
        String displayName,
        SystemKind kind,
        List<RequestType> requestTypes,
        List<String> identityTypes,
        List<String> dataCategories,
        List<String> purposes,
        String retention,
        String source,
        List<String> recipients,
        String automatedDecisionMaking,
        String transfers,
        String topic,
        String replyDeadline,
        boolean manual) {

    static SystemView of(ConnectedSystem s) {
        return new SystemView(s.key(), s.displayName(), s.kind(), s.requestTypes().stream().sorted().toList(),
                s.identityTypes(), s.dataCategories(), s.purposes(), s.retention(), s.source(), s.recipients(),
                s.automatedDecisionMaking(), s.transfers(), s.topic(), s.replyDeadline().toString(), s.manual());
    }
}
