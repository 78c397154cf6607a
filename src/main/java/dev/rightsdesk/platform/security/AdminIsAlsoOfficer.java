package dev.rightsdesk.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives every {@code admin} the {@code officer} role too, whatever the identity provider put in the token, so
 * "admin has officer rights" holds for built-in users and OIDC tokens alike.
 */
@ApplicationScoped
public class AdminIsAlsoOfficer implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.OFFICER)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.OFFICER).build());
    }
}
