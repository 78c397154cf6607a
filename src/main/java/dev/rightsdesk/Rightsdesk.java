package dev.rightsdesk;

import dev.rightsdesk.platform.embedded.EmbeddedEngines;
import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import dev.rightsdesk.platform.embedded.EmbeddedSettings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry point. Starts the embedded PostgreSQL and Kafka broker when no external ones are configured,
 * runs the application, and stops the engines only after the application (and so every Kafka
 * consumer) has stopped: a broker that stops first leaves the consumer group waiting for a session
 * timeout on the next start.
 */
@QuarkusMain
public class Rightsdesk implements QuarkusApplication {

    public static void main(String... args) {
        EmbeddedEngines engines = new EmbeddedEngines(EmbeddedSettings.fromEnvironment());
        CountDownLatch applicationStopped = new CountDownLatch(1);
        AtomicBoolean jvmShuttingDown = new AtomicBoolean();
        // On SIGTERM Quarkus stops the application in its own shutdown hook; this hook holds the JVM
        // until the main thread below has stopped the engines after it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            jvmShuttingDown.set(true);
            try {
                applicationStopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rightsdesk-embedded-shutdown"));
        int[] exitCode = {0};
        try {
            engines.start().forEach(System::setProperty);
            installDemoShop(engines);
            Quarkus.run(Rightsdesk.class, (code, failure) -> {
                exitCode[0] = code;
                if (failure != null) {
                    // our own handler replaces Quarkus' default one, which would have reported the failure
                    Logger.getLogger(Rightsdesk.class).error("Rightsdesk stopped with an error", failure);
                }
            }, args);
        } finally {
            engines.close();
            applicationStopped.countDown();
        }
        if (exitCode[0] != 0 && !jvmShuttingDown.get()) {
            System.exit(exitCode[0]);
        }
    }

    /**
     * The embedded run's demo data store: a second database, {@code demo_shop}, in the embedded PostgreSQL, filled
     * with the demo shop (customers, households, orders, newsletter subscriptions). The bundled systems file serves
     * {@code crm} and {@code newsletter} from it with the SQL connector, through {@code rightsdesk.demo-shop.jdbc-url}.
     * Not with an external database, and not when the demo is switched off ({@code RIGHTSDESK_DEMO_ENABLED=false}).
     */
    static void installDemoShop(EmbeddedEngines engines) {
        String demo = System.getProperty("rightsdesk.demo.enabled", System.getenv("RIGHTSDESK_DEMO_ENABLED"));
        if (engines.postgres() == null || "false".equalsIgnoreCase(demo)) {
            return;
        }
        String url = engines.postgres().createDatabase(DEMO_SHOP);
        dev.rightsdesk.connector.sql.demo.DemoShop.install(url, EmbeddedPostgresServer.USER, "");
        System.setProperty("rightsdesk.demo-shop.jdbc-url", url);
        Logger.getLogger(Rightsdesk.class).infof("Demo shop database %s ready: psql -h 127.0.0.1 -p %d -U %s %s",
                DEMO_SHOP, engines.postgres().port(), EmbeddedPostgresServer.USER, DEMO_SHOP);
    }

    /** The embedded run's demo data store. */
    public static final String DEMO_SHOP = "demo_shop";

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
