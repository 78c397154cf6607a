package dev.rightsdesk.officer.work;

import dev.rightsdesk.ticket.Ticket;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The decision is recorded and announced only; nothing else reacts in this build. */
@DefaultBean
@ApplicationScoped
public class NoObjectionEffects implements ObjectionEffects {

    @Override
    public void decided(Ticket ticket, boolean compellingGrounds, String actor) {
        // the ticket events objection-upheld / objection-overruled carry the decision to whoever listens
    }
}
