package io.postventa.events.common;

/** Where an order was placed. */
public enum SalesChannel {
    /** The store's website. */
    WEB,
    /** The store's mobile app. */
    MOBILE_APP,
    /** A marketplace (Amazon, eBay...). */
    MARKETPLACE,
    /** A physical shop. */
    STORE,
    /** By phone. */
    PHONE,
    /** Social commerce (Instagram, TikTok shops...). */
    SOCIAL,
    /** Anything else. */
    OTHER
}
