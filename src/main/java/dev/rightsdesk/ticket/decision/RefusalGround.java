package dev.rightsdesk.ticket.decision;

/** Why a request is refused in whole or in part (Art. 12(4)); stored as codes, the reasons as text. */
public enum RefusalGround {
    MANIFESTLY_UNFOUNDED("Art. 12(5)(b): manifestly unfounded"),
    EXCESSIVE("Art. 12(5)(b): excessive, in particular because repetitive"),
    IDENTITY_NOT_ESTABLISHED("Art. 11(2), 12(2): the subject's identity could not be established"),
    DUPLICATE("Duplicate of another request by the same subject"),
    RIGHTS_OF_OTHERS("Art. 15(4): the copy would adversely affect the rights and freedoms of others"),
    ERASURE_17_3_A("Art. 17(3)(a): freedom of expression and information"),
    ERASURE_17_3_B("Art. 17(3)(b): legal obligation or public task"),
    ERASURE_17_3_C("Art. 17(3)(c): public interest in public health"),
    ERASURE_17_3_D("Art. 17(3)(d): archiving, research or statistics"),
    ERASURE_17_3_E("Art. 17(3)(e): legal claims"),
    OTHER_LEGAL_RESTRICTION("Art. 23: a restriction in Union or Member State law");

    private final String label;

    RefusalGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
