package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.ticket.domain.ContactReasonClassifier.OrderContext;
import io.postventa.ticket.service.TicketTexts;

class ContactReasonClassifierTest {
    private final ContactReasonClassifier classifier = TicketTexts.defaultClassifier();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "¿Dónde está mi pedido? Lo compré hace una semana y todavía no ha llegado | WHERE_IS_MY_ORDER | es",
            "Hola, quiero devolver unas zapatillas que no me quedan bien | RETURN_REQUEST | es",
            "El jarrón ha llegado roto, la caja venía golpeada | DAMAGED_ITEM | es",
            "Me habéis enviado otro producto, no es lo que pedí | WRONG_ITEM | es",
            "Faltan piezas en el paquete, solo ha llegado la mesa sin las patas | MISSING_PARTS | es",
            "Me he equivocado con el código postal, ¿podéis cambiar la dirección de entrega? | CHANGE_ADDRESS | es",
            "Quiero quitar un producto del pedido | MODIFY_ORDER | es",
            "Necesito una copia de la factura con mi NIF | INVOICE_COPY | es",
            "¿Tenéis stock de la talla 40 antes de comprar? | PRE_SALE | es",
            "Where is my order? It has not arrived yet | WHERE_IS_MY_ORDER | en",
            "I would like to return these shoes and get a refund | RETURN_REQUEST | en",
            "The lamp arrived broken and the box was damaged | DAMAGED_ITEM | en",
            "You sent me the wrong item, this is not what I ordered | WRONG_ITEM | en",
            "Some parts are missing from my order | MISSING_PARTS | en",
            "Please change the delivery address of my order | CHANGE_ADDRESS | en",
            "I need an invoice for my company | INVOICE_COPY | en",
            "Is the blue jacket in stock? I want to buy it | PRE_SALE | en",
            "Hola buenas | OTHER | es",
    })
    void classifiesSpanishAndEnglishTexts(String message, ContactReason expected, String language) {
        var result = classifier.classify(null, null, message, OrderContext.NONE);
        assertEquals(expected, result.reason(), "reason of: " + message);
        assertEquals(ReasonSource.CLASSIFIER, result.source());
        assertEquals(language, result.language(), "language of: " + message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Olá, onde está a minha encomenda? Ainda não chegou | WHERE_IS_MY_ORDER | pt",
            "Quero devolver os sapatos e pedir o reembolso | RETURN_REQUEST | pt",
            "O candeeiro chegou partido, a caixa vinha danificada | DAMAGED_ITEM | pt",
            "Preciso de uma fatura com o meu número de contribuinte | INVOICE_COPY | pt",
            "Quero mudar a morada de entrega da minha encomenda | CHANGE_ADDRESS | pt",
    })
    void classifiesPortugueseTextsFromItsBundleAlone(String message, ContactReason expected, String language) {
        var result = classifier.classify(null, null, message, OrderContext.NONE);
        assertEquals(expected, result.reason(), "reason of: " + message);
        assertEquals(language, result.language(), "language of: " + message);
    }

    @Test
    void theIvrMenuSaysWhichOptionsExist() {
        assertEquals(true, classifier.isIvrOption("1"));
        assertEquals(false, classifier.isIvrOption("uno"));
        assertEquals(false, classifier.isIvrOption("7"));
    }

    @Test
    void ivrOptionWinsOverTheText() {
        var result = classifier.classify("2", null, "el paquete no ha llegado", OrderContext.NONE);
        assertEquals(ContactReason.RETURN_REQUEST, result.reason());
        assertEquals(ReasonSource.IVR, result.source());
    }

    @Test
    void unknownIvrOptionFallsBackToTheText() {
        var result = classifier.classify("7", null, "¿dónde está mi pedido?", OrderContext.NONE);
        assertEquals(ContactReason.WHERE_IS_MY_ORDER, result.reason());
        assertEquals(ReasonSource.CLASSIFIER, result.source());
    }

    @Test
    void aVagueMessageAboutAnOrderOnItsWayIsWhereIsMyOrder() {
        var result = classifier.classify(null, "Pedido 123", "Hola, os escribo por mi compra",
                new OrderContext(OrderStatus.IN_TRANSIT, false));
        assertEquals(ContactReason.WHERE_IS_MY_ORDER, result.reason());
    }

    @Test
    void aDelayedOrderTipsAmbiguousTextTowardsWhereIsMyOrder() {
        var result = classifier.classify(null, null, "quiero cancelar, no llega nunca",
                new OrderContext(OrderStatus.IN_TRANSIT, true));
        assertEquals(ContactReason.WHERE_IS_MY_ORDER, result.reason());
    }

    @Test
    void aPriceQuestionAboutAnOrderAlreadyPlacedIsNotPreSale() {
        var result = classifier.classify(null, null, "el precio de la factura está mal",
                new OrderContext(OrderStatus.DELIVERED, false));
        assertEquals(ContactReason.INVOICE_COPY, result.reason());
    }

    @Test
    void subjectCountsToo() {
        var result = classifier.classify(null, "Factura", "Hola, ¿me la podéis enviar?", OrderContext.NONE);
        assertEquals(ContactReason.INVOICE_COPY, result.reason());
    }
}
