package dev.rightsdesk.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the registry of connected systems comes from: {@code rightsdesk.systems.*}. */
@ConfigMapping(prefix = "rightsdesk.systems")
public interface SystemsConfig {

    /**
     * {@code rightsdesk.systems.file}: the YAML file declaring the connected systems ({@code docs/systems.md}).
     * A file system path, or {@code classpath:<resource>}. The default is the bundled demo registry
     * ({@code crm}, {@code newsletter}, {@code training-corpus}, {@code model-registry}); production sets its own.
     */
    @WithDefault("classpath:systems.yaml")
    String file();
}
