package dev.rightsdesk.connector.sql;

import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SQL connector's scenarios against a real PostgreSQL (the embedded server's binaries). */
class SqlConnectorPostgresTest extends SqlConnectorScenarios {

    private static EmbeddedPostgresServer postgres;
    private static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = new EmbeddedPostgresServer(Files.createTempDirectory("rightsdesk-sql-pg-"), port, false);
        postgres.start();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "");
                Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'shop'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE shop");
            }
        }
        url = "jdbc:postgresql://127.0.0.1:" + port + "/shop";
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    String jdbcUrl() {
        return url;
    }

    @Override
    String user() {
        return EmbeddedPostgresServer.USER;
    }

    @Override
    String password() {
        return "";
    }

    @Override
    void stopDatabase() {
        postgres.close();
    }

    @Override
    void startDatabase() {
        postgres.start();
    }
}
