package io.postventa.benchmarks.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.postventa.events.common.OrderLine;
import io.postventa.events.common.SalesChannel;

/**
 * A made-up shop for the load generators: customers who come back and customers who buy once,
 * orders of one to four lines across categories with realistic prices, so the services under test
 * see the mix of data they would in production (repeat customers' purchase counts, expensive and
 * cheap lines, risky and safe categories).
 */
public final class Shop {
    /** Category, price range (EUR) and product names. */
    private record Category(String name, double minPrice, double maxPrice, String... products) {
    }

    private static final List<Category> CATEGORIES = List.of(
            new Category("apparel", 9, 89, "Organic cotton T-shirt", "Linen shirt", "Merino jumper", "Denim jacket"),
            new Category("footwear", 25, 180, "Canvas sneakers", "Leather boots", "Running shoes", "Sandals"),
            new Category("electronics", 15, 1400, "Wireless earbuds", "Smartwatch", "Tablet 10\"", "Laptop 14\""),
            new Category("home", 8, 260, "Ceramic mug set", "Bed linen", "Table lamp", "Cast-iron pan"),
            new Category("cosmetics", 5, 95, "Face cream", "Perfume 50 ml", "Shampoo", "Lipstick"),
            new Category("books", 8, 45, "Novel", "Cookbook", "Travel guide", "Comic"),
            new Category("sports", 12, 350, "Yoga mat", "Tennis racket", "Cycling helmet", "Dumbbells"),
            new Category("toys", 9, 120, "Building blocks", "Board game", "Puzzle 1000", "Plush toy"),
            new Category("furniture", 60, 950, "Bookshelf", "Office chair", "Side table", "Wardrobe"),
            new Category("jewelry", 30, 1600, "Silver ring", "Gold earrings", "Watch", "Necklace"));
    /** How often each category is bought, in the order of {@link #CATEGORIES}. */
    private static final int[] WEIGHTS = {24, 12, 14, 12, 10, 8, 8, 6, 3, 3};
    private static final String[][] CITIES = {{"Madrid", "28013", "ES"}, {"Barcelona", "08002", "ES"},
            {"Valencia", "46001", "ES"}, {"Sevilla", "41001", "ES"}, {"Bilbao", "48001", "ES"}, {"Lisboa", "1100-148", "PT"},
            {"Porto", "4000-322", "PT"}, {"Zaragoza", "50001", "ES"}};
    private static final String[] LOCALES = {"es-ES", "es-ES", "es-ES", "en-GB", "ca-ES", "pt-PT"};
    private static final SalesChannel[] CHANNELS = {SalesChannel.WEB, SalesChannel.WEB, SalesChannel.MOBILE_APP,
            SalesChannel.MOBILE_APP, SalesChannel.MARKETPLACE, SalesChannel.STORE};
    public static final String[] CARRIERS = {"SEUR", "CORREOS", "DHL", "GLS", "MRW"};

    private final SplittableRandom random;
    private final String run;
    private final int repeatCustomers;
    private final double repeatShare;
    private int newCustomers;

    /**
     * @param run             a tag that keeps ids unique across runs
     * @param repeatCustomers how many customers come back
     * @param repeatShare     the share of orders placed by them (the rest by first-time customers)
     */
    public Shop(long seed, String run, int repeatCustomers, double repeatShare) {
        this.random = new SplittableRandom(seed);
        this.run = run;
        this.repeatCustomers = repeatCustomers;
        this.repeatShare = repeatShare;
    }

    public SplittableRandom random() {
        return random;
    }

    /** The next order's customer: a returning one or a new one. */
    public String customer() {
        if (random.nextDouble() < repeatShare) {
            return "CUST-" + run + "-R" + random.nextInt(repeatCustomers);
        }
        return "CUST-" + run + "-N" + (newCustomers++);
    }

    /** One to four lines (mostly one or two), each a product of a category drawn by popularity. */
    public List<OrderLine> lines() {
        int count = 1 + (random.nextDouble() < 0.45 ? 1 + (random.nextDouble() < 0.35 ? 1 + random.nextInt(2) : 0) : 0);
        List<OrderLine> lines = new ArrayList<>(count);
        java.util.Set<String> skus = new java.util.HashSet<>();
        while (lines.size() < count) {
            Category c = category();
            int product = random.nextInt(c.products().length);
            // prices skew low: most items are cheap, a few are expensive
            double u = random.nextDouble();
            double price = c.minPrice() + (c.maxPrice() - c.minPrice()) * u * u;
            int quantity = random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(2);
            String sku = (c.name().substring(0, 3) + "-" + product + "-" + random.nextInt(40)).toUpperCase();
            if (!skus.add(sku)) {
                continue; // one line per product
            }
            lines.add(new OrderLine(sku, c.products()[product], c.name(),
                    BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP), quantity));
        }
        return lines;
    }

    public static BigDecimal total(List<OrderLine> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine l : lines) {
            total = total.add(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())));
        }
        return total;
    }

    public String[] city() {
        return CITIES[random.nextInt(CITIES.length)];
    }

    public String locale() {
        return LOCALES[random.nextInt(LOCALES.length)];
    }

    public SalesChannel channel() {
        return CHANNELS[random.nextInt(CHANNELS.length)];
    }

    public String carrier() {
        return CARRIERS[random.nextInt(CARRIERS.length)];
    }

    private Category category() {
        int sum = 0;
        for (int w : WEIGHTS) {
            sum += w;
        }
        int pick = random.nextInt(sum);
        for (int i = 0; i < WEIGHTS.length; i++) {
            pick -= WEIGHTS[i];
            if (pick < 0) {
                return CATEGORIES.get(i);
            }
        }
        return CATEGORIES.get(0);
    }
}
