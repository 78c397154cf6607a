package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a mapping file from the class path ({@code classpath:...}) or the file system, relative to the systems file. */
final class MappingSource {

    private MappingSource() {
    }

    static String read(String location, Path baseDir) throws InvalidConnectorConfig {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                if (loader == null) {
                    loader = MappingSource.class.getClassLoader();
                }
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new InvalidConnectorConfig("Dataset mapping " + location + " not found on the class path");
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = Path.of(location);
            if (!path.isAbsolute() && baseDir != null) {
                path = baseDir.resolve(path);
            }
            if (!Files.isRegularFile(path)) {
                throw new InvalidConnectorConfig("Dataset mapping " + path + " does not exist or is not a file");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConnectorConfig("Dataset mapping " + location + " could not be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
