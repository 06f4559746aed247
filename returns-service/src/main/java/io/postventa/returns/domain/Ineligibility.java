package io.postventa.returns.domain;

/** Why an order line, or a requested return line, cannot be returned; told to customers in Spanish and English. */
public enum Ineligibility {
    NOT_DELIVERED("the order has not been delivered yet", "el pedido aún no se ha entregado"),
    WINDOW_CLOSED("the return window has ended", "el plazo de devolución ha terminado"),
    NON_RETURNABLE_CATEGORY("this kind of product cannot be returned", "este tipo de producto no admite devolución"),
    NOTHING_LEFT("every unit has already been returned", "ya se han devuelto todas las unidades"),
    QUANTITY_EXCEEDED("more units than delivered and not yet returned", "más unidades de las entregadas y no devueltas"),
    UNKNOWN_PRODUCT("this product is not in the order", "este producto no está en el pedido"),
    REASON_NOT_OFFERED("this return reason is not accepted", "este motivo de devolución no se admite"),
    RESOLUTION_NOT_OFFERED("this resolution is not offered", "esta solución no se ofrece");

    private final String english;
    private final String spanish;

    Ineligibility(String english, String spanish) {
        this.english = english;
        this.spanish = spanish;
    }

    public String english() {
        return english;
    }

    public String spanish() {
        return spanish;
    }

    /** The text in the customer's language: Spanish for "es*", English otherwise. */
    public String message(String language) {
        return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("es") ? spanish : english;
    }
}
