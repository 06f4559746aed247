package io.postventa.events;

/** The kinds of aggregate whose id is a record key; one aggregate's events stay in order on one partition. */
public enum Aggregate {
    /** An order; key = order id. */
    ORDER,
    /** A customer; key = customer id. */
    CUSTOMER,
    /** A return request (RMA); key = return id. */
    RETURN,
    /** A help-desk ticket; key = ticket id. */
    TICKET,
    /** A survey sent to a customer; key = survey id. */
    SURVEY
}
