package dev.rightsdesk.connector.spi;

/**
 * One identifier of the subject: its type as declared in the systems file ({@code email}, {@code customerId}),
 * its value, and whether Rightsdesk verified it. An unverified identifier must never pull in data by itself
 * (Art. 12(6)): an engine uses it only to confirm a row also found through a verified one.
 */
public record SubjectIdentifier(String type, String value, boolean verified) {

    @Override
    public String toString() {
        // never print the value: records end up in log lines by accident
        return "SubjectIdentifier[type=" + type + ", verified=" + verified + "]";
    }
}
