package dev.rightsdesk.platform.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A minimal OpenID provider for tests: discovery document and signing keys over HTTP, and tokens minted in the
 * test with its private key, as a Keycloak realm would issue them. Nothing leaves the machine.
 */
public class MockOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String KEY_ID = "test-key";
    static final KeyPair KEYS = rsa();
    static final KeyPair OTHER_KEYS = rsa();
    static volatile String issuer;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/rightsdesk";
        server.createContext("/realms/rightsdesk/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer": "%1$s", "jwks_uri": "%1$s/protocol/openid-connect/certs",
                 "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                 "token_endpoint": "%1$s/protocol/openid-connect/token",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer)));
        server.createContext("/realms/rightsdesk/protocol/openid-connect/certs", exchange -> {
            RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
            json(exchange, """
                    {"keys": [{"kty": "RSA", "kid": "%s", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}"""
                    .formatted(KEY_ID, b64(key.getModulus()), b64(key.getPublicExponent())));
        });
        server.start();
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", "rightsdesk",
                "quarkus.oidc.credentials.secret", "test-client-secret",
                "rightsdesk.security.built-in-users", "false",
                "%test.rightsdesk.security.built-in-users", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** An access token for {@code user} with {@code roles} in the {@code groups} claim. */
    static String token(String user, Set<String> roles) {
        return Jwt.issuer(issuer).upn(user).groups(roles).audience("rightsdesk").expiresIn(Duration.ofMinutes(5))
                .jws().keyId(KEY_ID).sign(KEYS.getPrivate());
    }

    /** The same, signed with a key the provider never published. */
    static String forgedToken(String user, Set<String> roles) {
        return Jwt.issuer(issuer).upn(user).groups(roles).expiresIn(Duration.ofMinutes(5))
                .jws().keyId(KEY_ID).sign(OTHER_KEYS.getPrivate());
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
