package dev.rightsdesk.officer.queue;

import dev.rightsdesk.platform.crypto.FieldCipher;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Finds tickets by part of the subject's name. Names are encrypted with a random nonce, so no index can match
 * them: the most recent tickets that pass the other filters are decrypted and compared here, in memory, and
 * only their ids leave this class. Case, accents and spacing do not matter ("jose" finds "José").
 */
final class NameSearch {

    /** The ids whose names matched, and whether the scan stopped at its limit before the oldest ticket. */
    record Found(List<UUID> ids, boolean capped) {
    }

    private final EntityManager em;
    private final FieldCipher cipher;

    NameSearch(EntityManager em, FieldCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    Found matching(String where, Map<String, Object> params, String typed, int scan) {
        String wanted = normalise(typed);
        Query q = em.createNativeQuery("SELECT t.id, t.subject_name_enc FROM ticket t WHERE " + where
                + " AND t.subject_name_enc IS NOT NULL ORDER BY t.received_at DESC LIMIT :scan");
        params.forEach(q::setParameter);
        q.setParameter("scan", scan);
        List<?> rows = q.getResultList();
        List<UUID> ids = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if (normalise(cipher.decrypt((String) r[1])).contains(wanted)) {
                ids.add((UUID) r[0]);
            }
        }
        return new Found(ids, rows.size() >= scan);
    }

    static String normalise(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
