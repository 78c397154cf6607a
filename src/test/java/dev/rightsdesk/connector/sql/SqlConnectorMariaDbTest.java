package dev.rightsdesk.connector.sql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rightsdesk.testing.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SQL connector's scenarios against a real MariaDB server (Debian's mariadb-server, installed by .ci/run). */
class SqlConnectorMariaDbTest extends SqlConnectorScenarios {

    private static MariaDbServer mariadb;
    private static String url;

    @BeforeAll
    static void startMariaDb() {
        assumeTrue(MariaDbServer.installed(), "mariadbd is not installed: apt-get install -y mariadb-server"
                + " (.ci/run does this); skipping the MariaDB scenarios");
        mariadb = MariaDbServer.startNew();
        url = mariadb.createDatabase("shop");
    }

    @AfterAll
    static void stopMariaDb() {
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @Override
    String jdbcUrl() {
        return url;
    }

    @Override
    String user() {
        return MariaDbServer.USER;
    }

    @Override
    String password() {
        return MariaDbServer.PASSWORD;
    }

    @Override
    void stopDatabase() {
        mariadb.stop();
    }

    @Override
    void startDatabase() {
        mariadb.start();
    }
}
