package dev.rightsdesk.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code connector:} block of one system in the systems file, with what an engine needs to read it.
 *
 * @param systemKey the system's key
 * @param type {@code connector.type}
 * @param config the whole {@code connector:} block as written (type-specific keys)
 * @param baseDir the folder of the systems file, against which relative paths ({@code dataset: shop.yaml}) resolve;
 *        {@code classpath:} paths resolve on the class path
 * @param secrets resolves a secret by its reference ({@code passwordEnv: CRM_DB_PASSWORD} -> environment variable,
 *        {@code passwordFile: /var/run/secrets/crm/password} -> file content); empty when unset
 * @param dryRun the system's {@code dryRun: true}: every command is executed and rolled back
 */
public record ConnectorSettings(
        String systemKey,
        String type,
        JsonNode config,
        Path baseDir,
        Function<String, Optional<String>> secrets,
        boolean dryRun) {
}
