package dev.rightsdesk.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Like {@link EncryptedStringConverter}, for a column that held plaintext before it was encrypted: writes
 * ciphertext, and reads a value without the {@code v1:} prefix as the plaintext it still is. Used where old rows
 * must stay readable after an upgrade (outbox payloads written before, and not yet relayed).
 */
@Converter
public class LenientEncryptedStringConverter implements AttributeConverter<String, String> {

    private final EncryptedStringConverter strict = new EncryptedStringConverter();

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return strict.convertToDatabaseColumn(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return dbData == null || !dbData.startsWith("v1:") ? dbData : strict.convertToEntityAttribute(dbData);
    }
}
