package dev.rightsdesk.platform.crypto;

import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Encrypts an entity attribute with {@link FieldCipher} on its way to the database. */
@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {

    private FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return attribute == null ? null : cipher().encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return dbData == null ? null : cipher().decrypt(dbData);
    }
}
