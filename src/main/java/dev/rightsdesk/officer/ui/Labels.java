package dev.rightsdesk.officer.ui;

import dev.rightsdesk.ticket.RequestType;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Words for codes and readable dates in the officer's pages ({@code {ticket.status.label}}, {@code {date.day}}). */
@TemplateExtension
public final class Labels {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private Labels() {
    }

    public static String label(TicketStatus status) {
        return switch (status) {
            case IDENTITY_UNVERIFIED -> "Identity unverified";
            case PENDING_REVIEW -> "Waiting for review";
            case IN_PROGRESS -> "In progress";
            case AWAITING_SYSTEMS -> "Waiting for systems";
            case READY_FOR_RESPONSE -> "Ready for response";
            case COMPLETED -> "Completed";
            case REFUSED -> "Refused";
            case EXPIRED -> "Expired";
        };
    }

    public static String label(RequestType type) {
        return switch (type) {
            case ACCESS -> "Access (Art. 15)";
            case RECTIFICATION -> "Rectification (Art. 16)";
            case ERASURE -> "Erasure (Art. 17)";
            case OBJECTION -> "Objection (Art. 21)";
        };
    }

    /** How a request arrived, in words: {@code {ticket.channel.channelLabel}}. */
    public static String channelLabel(String channel) {
        return switch (channel == null ? "" : channel) {
            case "WEB" -> "web form";
            case "EMAIL" -> "e-mail";
            case "POST" -> "post";
            case "PHONE" -> "phone";
            default -> "other channel";
        };
    }

    public static String css(TicketStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String day(LocalDate date) {
        return date == null ? "–" : DAY.format(date);
    }

    public static String moment(Instant instant) {
        return instant == null ? "–" : MOMENT.format(instant.atZone(ZONE));
    }

    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
