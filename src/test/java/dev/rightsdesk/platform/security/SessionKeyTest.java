package dev.rightsdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Finding 1 of issue 13: the form sign-in key used to be logged ("using temporary key ..."), and one line of log was
 * enough to forge a {@code quarkus-credential} cookie for {@code admin}. Now no key is ever logged, production refuses
 * to start form sign-in without a configured key, and a forged cookie opens nothing: not with a wrong key, and not even
 * with the right key, because a sign-in also needs its server-side session.
 */
@QuarkusTest
class SessionKeyTest {

    /** A {@code quarkus-credential} value as Quarkus' PersistentLoginManager makes it, encrypted with {@code key}. */
    static String forge(String key, String user) throws Exception {
        byte[] aes = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal((System.currentTimeMillis() + 600_000 + ":" + user).getBytes(StandardCharsets.UTF_8));
        ByteBuffer message = ByteBuffer.allocate(1 + iv.length + sealed.length);
        message.put((byte) iv.length).put(iv).put(sealed);
        return Base64.getEncoder().encodeToString(message.array());
    }

    @Test
    void theTemporaryKeyLineIsNeverLogged() {
        // Quarkus logs the key at WARN from this category when none is configured; that level is switched off.
        assertThat(java.util.logging.Logger.getLogger("io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism")
                .isLoggable(Level.WARNING)).isFalse();
    }

    @Test
    void aCookieForgedWithAWrongKeyIsRefused() throws Exception {
        String forged = forge("not-the-key-of-this-deployment-0123456789", "admin");
        var answer = SignIn.queue(Map.of("quarkus-credential", forged));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/officer/login");
        assertThat(answer.asString()).doesNotContain("Signed in as");
    }

    @Test
    void evenTheRightKeyOpensNothingWithoutALiveSession() throws Exception {
        String key = ConfigProvider.getConfig().getValue(SessionKeyGuard.KEY, String.class);
        var withoutSession = SignIn.queue(Map.of("quarkus-credential", forge(key, "admin")));
        assertThat(withoutSession.statusCode()).isEqualTo(302);
        assertThat(withoutSession.header("Location")).endsWith("/officer/login");
        // a real session of another user does not lend itself to the forged name
        Map<String, String> auditor = SignIn.cookies("auditor");
        var borrowed = SignIn.queue(Map.of("quarkus-credential", forge(key, "admin"),
                "rightsdesk-session", auditor.get("rightsdesk-session")));
        assertThat(borrowed.statusCode()).isEqualTo(302);
        // the real sign-in still works
        assertThat(SignIn.queue(auditor).statusCode()).isEqualTo(200);
    }

    @Test
    void productionWithFormSignInNeedsAConfiguredKey() {
        assertThatThrownBy(() -> SessionKeyGuard.check(LaunchMode.NORMAL, false, false, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        assertThatThrownBy(() -> SessionKeyGuard.check(LaunchMode.NORMAL, false, false, Optional.of("short-key")))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("short-key");
        SessionKeyGuard.check(LaunchMode.NORMAL, false, false, Optional.of("k".repeat(44)));
        // the embedded run has its generated key; OIDC does not sign in through the form; tests set their own
        SessionKeyGuard.check(LaunchMode.NORMAL, true, false, Optional.empty());
        SessionKeyGuard.check(LaunchMode.NORMAL, false, true, Optional.empty());
        SessionKeyGuard.check(LaunchMode.TEST, false, false, Optional.empty());
    }
}
