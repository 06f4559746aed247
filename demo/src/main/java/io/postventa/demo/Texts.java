package io.postventa.demo;

import io.postventa.events.common.ContactReason;
import java.util.List;
import java.util.Map;

/**
 * What simulated customers write and simulated agents answer, in Spanish and English. Placeholders: {order},
 * {product}, {name}, {city}. The texts are written the way customers write, so ticket-service's keyword
 * classifier sees realistic input rather than its own keywords.
 */
final class Texts {

    /** A subject and a message body. */
    record Message(String subject, String body) {
        Message fill(String order, String product, String name, String city) {
            return new Message(subject == null ? null : replace(subject, order, product, name, city),
                    replace(body, order, product, name, city));
        }

        private static String replace(String text, String order, String product, String name, String city) {
            return text.replace("{order}", order == null ? "" : order)
                    .replace("{product}", product == null ? "" : product)
                    .replace("{name}", name == null ? "" : name)
                    .replace("{city}", city == null ? "" : city);
        }
    }

    private static Message m(String subject, String body) {
        return new Message(subject, body);
    }

    static final Map<ContactReason, List<Message>> SPANISH = Map.of(
            ContactReason.WHERE_IS_MY_ORDER, List.of(
                    m("¿Dónde está mi pedido {order}?", "Hola, hice el pedido {order} hace unos días y todavía no me ha llegado. ¿Me podéis decir dónde está?"),
                    m("Pedido sin llegar", "Buenas, el seguimiento del pedido {order} no se mueve desde hace días. ¿Cuándo llega?"),
                    m(null, "Hola! Mi pedido {order} tenía que llegar ayer y no sé nada. Gracias"),
                    m("Retraso en la entrega", "Llevo esperando el pedido {order} toda la semana, necesito saber cuándo lo recibiré porque es un regalo.")),
            ContactReason.DAMAGED_ITEM, List.of(
                    m("Producto dañado", "Me ha llegado el pedido {order} con la caja rota y {product} está roto. ¿Qué hago?"),
                    m("Llegó roto", "Buenos días, {product} del pedido {order} ha llegado dañado, con golpes. Adjunto fotos si hace falta.")),
            ContactReason.RETURN_REQUEST, List.of(
                    m("Devolución", "Hola, quiero devolver {product} del pedido {order}, no me queda bien. ¿Cómo hago la devolución?"),
                    m("¿Cómo devuelvo un artículo?", "¿Cuánto tiempo tengo para devolver {product}? ¿La devolución es gratuita?")),
            ContactReason.INVOICE_COPY, List.of(
                    m("Factura del pedido {order}", "Hola, ¿me podéis enviar la factura del pedido {order}? La necesito a nombre de mi empresa."),
                    m("Copia de factura", "Buenas tardes, no encuentro la factura de mi compra {order}, ¿me mandáis una copia?")),
            ContactReason.PRE_SALE, List.of(
                    m("Consulta antes de comprar", "Hola, ¿{product} tiene garantía de dos años? ¿Cuánto tarda el envío a {city}?"),
                    m("¿Hay stock?", "Buenas, ¿cuándo tendréis otra vez {product}? Quiero comprarlo pero no sé si habrá stock.")),
            ContactReason.CHANGE_ADDRESS, List.of(
                    m("Cambiar dirección de entrega", "Hola, me he mudado: ¿puedo cambiar la dirección de entrega del pedido {order}?")),
            ContactReason.WRONG_ITEM, List.of(
                    m("Artículo equivocado", "En el pedido {order} me ha llegado otro producto, no {product}. ¿Me lo cambiáis?")));

    static final Map<ContactReason, List<Message>> ENGLISH = Map.of(
            ContactReason.WHERE_IS_MY_ORDER, List.of(
                    m("Where is my order {order}?", "Hi, I ordered {order} a few days ago and it still hasn't arrived. Could you tell me where it is?"),
                    m("Parcel not arrived", "Hello, the tracking for order {order} hasn't moved for days. When will it be delivered?"),
                    m(null, "hi, my order {order} was supposed to arrive yesterday, any news? thanks")),
            ContactReason.DAMAGED_ITEM, List.of(
                    m("Item arrived damaged", "My order {order} arrived today and {product} is broken, the box was crushed. What should I do?")),
            ContactReason.RETURN_REQUEST, List.of(
                    m("Return", "Hi, I'd like to return {product} from order {order}, it doesn't fit. How do I send it back?")),
            ContactReason.INVOICE_COPY, List.of(
                    m("Invoice for order {order}", "Hello, could you send me a copy of the invoice for order {order}? I need it for my expenses.")),
            ContactReason.PRE_SALE, List.of(
                    m("Question before buying", "Hi, does {product} ship to the Canary Islands and how long does delivery to {city} take?"),
                    m("Stock question", "Hello, will {product} be back in stock soon? I'd like to buy it.")),
            ContactReason.CHANGE_ADDRESS, List.of(
                    m("Change delivery address", "Hi, can I still change the delivery address of order {order}? I won't be home this week.")),
            ContactReason.WRONG_ITEM, List.of(
                    m("Wrong item received", "I received the wrong item in order {order}, it isn't {product}. Can you exchange it?")));

    /** An agent's answer per reason, for tickets the simulated agents solve. */
    static final Map<ContactReason, String> AGENT_REPLY_ES = Map.of(
            ContactReason.WHERE_IS_MY_ORDER, "Hola {name}, hemos hablado con la agencia de transporte: tu pedido {order} está en reparto y te llegará en 24-48 h. Disculpa las molestias.",
            ContactReason.DAMAGED_ITEM, "Hola {name}, sentimos mucho que {product} llegara dañado. Te enviamos uno nuevo sin coste; no hace falta que devuelvas el dañado.",
            ContactReason.RETURN_REQUEST, "Hola {name}, tienes 30 días desde la entrega para devolverlo gratis. Puedes solicitar la devolución desde tu cuenta en un clic.",
            ContactReason.INVOICE_COPY, "Hola {name}, te hemos enviado la factura del pedido {order} a tu correo electrónico.",
            ContactReason.PRE_SALE, "Hola {name}, sí: tiene dos años de garantía y el envío a la península tarda 24-72 h.",
            ContactReason.CHANGE_ADDRESS, "Hola {name}, hemos actualizado la dirección de entrega del pedido {order}.",
            ContactReason.WRONG_ITEM, "Hola {name}, disculpa el error. Te enviamos el artículo correcto y recogemos el otro sin coste.");

    static final Map<ContactReason, String> AGENT_REPLY_EN = Map.of(
            ContactReason.WHERE_IS_MY_ORDER, "Hi {name}, we checked with the carrier: order {order} is out for delivery and will reach you within 24-48 h. Sorry for the wait.",
            ContactReason.DAMAGED_ITEM, "Hi {name}, we're sorry {product} arrived damaged. We're sending a replacement at no cost; no need to return the damaged one.",
            ContactReason.RETURN_REQUEST, "Hi {name}, you have 30 days from delivery to return it for free. You can start the return from your account in one click.",
            ContactReason.INVOICE_COPY, "Hi {name}, we have e-mailed you the invoice for order {order}.",
            ContactReason.PRE_SALE, "Hi {name}, yes: it comes with a two-year warranty and mainland delivery takes 24-72 h.",
            ContactReason.CHANGE_ADDRESS, "Hi {name}, we have updated the delivery address of order {order}.",
            ContactReason.WRONG_ITEM, "Hi {name}, sorry for the mix-up. We're sending the right item and will collect the other one for free.");

    static final List<String> PRAISE_ES = List.of("Todo perfecto, llegó antes de lo previsto.",
            "Muy contenta con la compra y con la atención.", "Rápido y bien empaquetado.");
    static final List<String> COMPLAINT_ES = List.of("El pedido llegó tarde y nadie me avisó.",
            "Tuve que escribir dos veces para que me contestaran.", "El paquete llegó dañado.");
    static final List<String> PRAISE_EN = List.of("Everything was great, it arrived early.", "Quick and well packed.");
    static final List<String> COMPLAINT_EN = List.of("It arrived late and nobody told me.",
            "I had to chase you twice for an answer.");

    private Texts() {
    }
}
