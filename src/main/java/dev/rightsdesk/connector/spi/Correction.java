package dev.rightsdesk.connector.spi;

/** One rectification (Art. 16): the field as the subject named it, what it says now (if given), what it should say. */
public record Correction(String field, String currentValue, String correctedValue) {

    @Override
    public String toString() {
        return "Correction[field=" + field + "]";
    }
}
