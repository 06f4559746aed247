package io.postventa.demo;

import java.math.BigDecimal;
import java.util.List;

/** The small catalogue of the simulated store: a few products per category at believable prices (EUR). */
final class Catalogue {

    /** One product; {@code weight} is how often it sells compared to the others. */
    record Product(String sku, String name, String category, BigDecimal price, int weight) {
        Product(String sku, String name, String category, String price, int weight) {
            this(sku, name, category, new BigDecimal(price), weight);
        }
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("TSHIRT-BLU-M", "Camiseta algodón orgánico, azul, M", "apparel", "19.90", 14),
            new Product("JEANS-SLIM-32", "Vaqueros slim fit, 32", "apparel", "49.95", 9),
            new Product("JACKET-RAIN-L", "Chaqueta impermeable, L", "apparel", "89.00", 5),
            new Product("DRESS-LINEN-S", "Vestido de lino, S", "apparel", "59.90", 6),
            new Product("SNEAKER-WHT-42", "Zapatillas de lona, blancas, 42", "footwear", "59.00", 9),
            new Product("BOOT-LEATHER-40", "Botines de piel, 40", "footwear", "119.00", 4),
            new Product("SANDAL-CORK-38", "Sandalias de corcho, 38", "footwear", "39.90", 4),
            new Product("EARBUDS-ANC", "Auriculares inalámbricos con cancelación de ruido", "electronics", "129.00", 6),
            new Product("PHONE-X12-128", "Smartphone X12, 128 GB", "electronics", "649.00", 2),
            new Product("WATCH-FIT-2", "Reloj deportivo GPS", "electronics", "199.00", 3),
            new Product("LAPTOP-AIR-14", "Portátil ultraligero 14\"", "electronics", "1099.00", 1),
            new Product("CHARGER-65W", "Cargador USB-C 65 W", "electronics", "34.90", 6),
            new Product("NOVEL-SOMBRA", "La sombra del viento (novela)", "books", "12.95", 7),
            new Product("COOKBOOK-TAPAS", "Tapas: recetas de siempre", "books", "24.00", 4),
            new Product("SERUM-VITC-30", "Sérum vitamina C, 30 ml", "cosmetics", "27.50", 6),
            new Product("PERFUME-AZAHAR-50", "Eau de parfum Azahar, 50 ml", "cosmetics", "64.00", 3),
            new Product("MUG-CERAMIC-SET", "Set de 4 tazas de cerámica", "home", "29.90", 6),
            new Product("LAMP-DESK-LED", "Lámpara de escritorio LED", "home", "45.00", 4),
            new Product("PAN-IRON-28", "Sartén de hierro fundido, 28 cm", "home", "54.90", 3),
            new Product("CHAIR-OAK", "Silla de roble macizo", "furniture", "189.00", 2),
            new Product("SHELF-PINE-5", "Estantería de pino, 5 baldas", "furniture", "129.00", 1),
            new Product("YOGA-MAT", "Esterilla de yoga antideslizante", "sports", "32.00", 5),
            new Product("BIKE-HELMET-M", "Casco de bicicleta, M", "sports", "69.00", 3),
            new Product("RING-SILVER-14", "Anillo de plata, talla 14", "jewelry", "149.00", 1),
            new Product("GIFT-CARD-50", "Tarjeta regalo 50 €", "gift-cards", "50.00", 2));

    /** Products a customer might ask about before buying (pre-sale questions). */
    static final List<String> PRE_SALE_SKUS = List.of("PHONE-X12-128", "LAPTOP-AIR-14", "BOOT-LEATHER-40",
            "CHAIR-OAK", "JACKET-RAIN-L");

    static final int TOTAL_WEIGHT = PRODUCTS.stream().mapToInt(Product::weight).sum();

    /** Carriers with their share of parcels and a tracking URL pattern. */
    record Carrier(String name, String trackingPrefix, int weight) {
        String trackingUrl(String trackingNumber) {
            return "https://tracking.example-carrier.com/" + name.toLowerCase().replace(' ', '-') + "/" + trackingNumber;
        }
    }

    static final List<Carrier> CARRIERS = List.of(
            new Carrier("SEUR", "SEU", 4),
            new Carrier("Correos Express", "CEX", 3),
            new Carrier("MRW", "MRW", 2),
            new Carrier("GLS", "GLS", 2),
            new Carrier("DHL", "DHL", 1));

    private Catalogue() {
    }
}
