package io.postventa.benchmarks.data;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Spanish and English names, cities, products and contact texts for the ticket-service data set and the contacts
 * the ingest benchmark sends. {@code {o}} stands for the order id.
 */
public final class TicketTexts {
    private TicketTexts() {
    }

    public static final List<String> ES_FIRST = List.of("Lucía", "María", "Carmen", "Ana", "Laura", "Marta", "Paula", "Sara",
            "Elena", "Cristina", "Isabel", "Sofía", "Julia", "Raquel", "Alba", "Antonio", "José", "Manuel", "Francisco",
            "David", "Juan", "Javier", "Daniel", "Carlos", "Miguel", "Alejandro", "Pablo", "Sergio", "Jorge", "Álvaro");
    public static final List<String> ES_LAST = List.of("García", "Rodríguez", "González", "Fernández", "López", "Martínez",
            "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
            "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez",
            "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín",
            "Sanz", "Iglesias");
    public static final List<String> EN_FIRST = List.of("Oliver", "George", "Harry", "Jack", "Emily", "Olivia", "Amelia",
            "Isla", "Sophie", "James", "Thomas", "William", "Charlotte", "Grace", "Lily", "Henry", "Ella", "Chloe",
            "Jessica", "Noah");
    public static final List<String> EN_LAST = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
            "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
            "Jackson", "Clarke", "Patel", "Khan", "Lewis", "Harris", "Martin");
    public static final List<String> ES_CITIES = List.of("Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga",
            "Murcia", "Palma", "Las Palmas", "Bilbao", "Alicante", "Córdoba", "Valladolid", "Vigo", "Gijón", "Granada",
            "A Coruña", "Vitoria-Gasteiz", "Elche", "Oviedo", "Badalona", "Cartagena", "Pamplona", "Almería",
            "San Sebastián", "Santander", "Burgos", "Salamanca", "Logroño", "Cádiz");
    public static final List<String> UK_CITIES = List.of("London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool",
            "Bristol", "Sheffield", "Edinburgh", "Cardiff", "Leicester", "Nottingham", "Newcastle", "Brighton", "Oxford");
    public static final List<String> PRODUCTS = List.of("Zapatillas running Trail", "Camiseta técnica", "Mochila urbana 20L",
            "Auriculares Bluetooth", "Chaqueta impermeable", "Pantalón de montaña", "Botella térmica",
            "Reloj deportivo GPS", "Sudadera con capucha", "Gafas de sol polarizadas", "Cafetera espresso",
            "Sartén antiadherente 28cm", "Juego de sábanas", "Lámpara de escritorio LED", "Silla ergonómica",
            "Altavoz portátil", "Funda de móvil", "Cargador USB-C 65W", "Teclado mecánico", "Ratón inalámbrico",
            "Vestido de lino", "Bolso de piel", "Cinturón de cuero", "Bufanda de lana", "Colchón viscoelástico",
            "Almohada cervical", "Robot aspirador", "Freidora de aire", "Batidora de vaso", "Tostadora", "Mesa plegable",
            "Estantería de madera", "Cojín decorativo", "Toalla de baño", "Perfume 100ml", "Crema hidratante",
            "Set de maquillaje", "Juguete de construcción", "Puzzle 1000 piezas", "Bicicleta infantil");
    public static final List<String> VARIANTS = List.of("negro", "blanco", "azul marino", "rojo", "verde", "gris", "rosa",
            "beige", "talla S", "talla XL");
    /** Distinct skus: a sku p is PRODUCTS[p % 40] in VARIANTS[(p / 40) % 10], "SKU-" + p padded to 5 digits. */
    public static final int SKUS = 5000;

    /** The ContactReason names in enum order, with their share of tickets (percent) and the team they route to. */
    public static final List<String> REASONS = List.of("WHERE_IS_MY_ORDER", "RETURN_REQUEST", "DAMAGED_ITEM", "WRONG_ITEM",
            "MISSING_PARTS", "CHANGE_ADDRESS", "MODIFY_ORDER", "INVOICE_COPY", "PRODUCT_QUESTION", "PRE_SALE", "OTHER");
    public static final int[] REASON_WEIGHTS = {35, 18, 8, 4, 3, 5, 5, 7, 7, 4, 4};
    public static final List<String> REASON_TEAMS = List.of("partner-cc", "returns", "returns", "returns", "returns",
            "partner-cc", "partner-cc", "in-house", "in-house", "in-house", "in-house");

    /** Per reason: Spanish subject, two Spanish messages, English subject, two English messages. */
    public static final List<List<String>> MESSAGES = List.of(
            List.of("¿Dónde está mi pedido {o}?",
                    "Hola, hice el pedido {o} hace una semana y todavía no ha llegado. ¿Me podéis decir cuándo llega?",
                    "Buenas, el seguimiento del pedido {o} no se actualiza desde hace días. ¿Está retrasado?",
                    "Where is my order {o}?",
                    "Hi, I placed order {o} last week and it still hasn't arrived. When will it be delivered?",
                    "Hello, the tracking for order {o} has not moved for days. Is it delayed?"),
            List.of("Devolución del pedido {o}",
                    "Quiero devolver el pedido {o}, la talla no me queda bien. ¿Cómo hago la devolución?",
                    "Hola, me gustaría solicitar el reembolso del pedido {o}, no me gusta el color.",
                    "Return for order {o}",
                    "I would like to return order {o}, it doesn't fit. How do I send it back?",
                    "Hi, can I get a refund for order {o}? I changed my mind."),
            List.of("Producto dañado, pedido {o}",
                    "El producto del pedido {o} ha llegado roto, la caja venía golpeada.",
                    "Hola, lo que recibí en el pedido {o} está defectuoso y no funciona.",
                    "Damaged item, order {o}",
                    "The item in order {o} arrived damaged, the box was smashed.",
                    "Hello, what I received in order {o} is faulty and does not work."),
            List.of("Me habéis enviado otro producto ({o})",
                    "En el pedido {o} me ha llegado un artículo equivocado, no es lo que pedí.",
                    "El pedido {o} trae la talla equivocada, pedí una M.",
                    "Wrong item in order {o}",
                    "Order {o} came with the wrong item, not what I ordered.",
                    "You sent me the wrong size in order {o}."),
            List.of("Faltan piezas en el pedido {o}",
                    "Hola, en el pedido {o} faltan piezas del montaje.",
                    "Solo me ha llegado una parte del pedido {o}, falta un artículo.",
                    "Missing parts, order {o}",
                    "Some pieces are missing from order {o}.",
                    "I only received part of my order {o}, one item is not included."),
            List.of("Cambiar dirección de entrega {o}",
                    "¿Puedo cambiar la dirección de entrega del pedido {o}? Me he mudado.",
                    "Me equivoqué con el código postal en el pedido {o}, ¿lo podéis corregir?",
                    "Change delivery address {o}",
                    "Can I change the delivery address of order {o}? I have moved.",
                    "I entered the wrong postcode on order {o}, can you fix it?"),
            List.of("Modificar el pedido {o}",
                    "Quiero añadir un producto al pedido {o} antes de que lo enviéis.",
                    "Por favor, cancelad el pedido {o}, lo pedí dos veces.",
                    "Modify order {o}",
                    "I want to add an item to my order {o} before it ships.",
                    "Please cancel order {o}, I ordered it twice."),
            List.of("Factura del pedido {o}",
                    "Necesito la factura del pedido {o} con mi NIF para la empresa.",
                    "¿Me podéis enviar una copia de la factura del pedido {o}?",
                    "Invoice for order {o}",
                    "I need an invoice for order {o} with our VAT number.",
                    "Could you send me a copy of the receipt for order {o}?"),
            List.of("Duda sobre un producto ({o})",
                    "¿Cómo funciona el producto del pedido {o}? No vienen instrucciones.",
                    "¿La garantía del pedido {o} cubre la batería?",
                    "Question about my product ({o})",
                    "How do I use the product from order {o}? There were no instructions.",
                    "Does the warranty of order {o} cover the battery?"),
            List.of("Consulta antes de comprar",
                    "Hola, ¿tenéis stock de la mochila urbana en azul marino?",
                    "¿Cuánto tarda el envío a Canarias y cuáles son los gastos de envío?",
                    "Question before buying",
                    "Hi, is the trail running shoe available in size 44?",
                    "Do you ship to Ireland and what is the shipping cost?"),
            List.of("Consulta",
                    "Hola, quería daros las gracias por la atención del otro día.",
                    "Quiero darme de baja de la newsletter, por favor.",
                    "Enquiry",
                    "Hi, I just wanted to say thanks for the help last week.",
                    "Please unsubscribe me from the newsletter."));

    public static final List<String> ES_GREETINGS = List.of("", "Hola. ", "Buenos días, ", "Buenas tardes. ");
    public static final List<String> ES_CLOSINGS = List.of("", " Gracias.", " Un saludo.", " Muchas gracias de antemano.");
    public static final List<String> EN_GREETINGS = List.of("", "Hello. ", "Good morning, ", "Hi there. ");
    public static final List<String> EN_CLOSINGS = List.of("", " Thanks.", " Kind regards.", " Thank you in advance.");

    /** Subjects flattened for SQL: index reason * 2 + (0 es, 1 en). */
    public static List<String> subjects() {
        List<String> out = new ArrayList<>();
        for (List<String> m : MESSAGES) {
            out.add(m.get(0));
            out.add(m.get(3));
        }
        return out;
    }

    /** Messages flattened for SQL: index reason * 4 + language * 2 + variant. */
    public static List<String> bodies() {
        List<String> out = new ArrayList<>();
        for (List<String> m : MESSAGES) {
            out.addAll(List.of(m.get(1), m.get(2), m.get(4), m.get(5)));
        }
        return out;
    }

    /** A SQL array literal of texts. */
    public static String sqlArray(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(",", "array[", "]::text[]"));
    }

    /** A CASE over {@code bucket} (0-99) that picks a name by weight. */
    public static String weighted(String bucket, List<String> names, int[] weights) {
        StringBuilder sql = new StringBuilder("case");
        int upTo = 0;
        for (int i = 0; i < names.size() - 1; i++) {
            upTo += weights[i];
            sql.append(" when ").append(bucket).append(" < ").append(upTo).append(" then '").append(names.get(i))
                    .append('\'');
        }
        return sql.append(" else '").append(names.get(names.size() - 1)).append("' end").toString();
    }
}
