package io.postventa.feedback.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The dashboard's words in Spanish and English, and how the language is chosen. */
final class DashboardTexts {
    private DashboardTexts() {
    }

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "es", Map.ofEntries(
                    Map.entry("title", "Postventa · Panel de experiencia de cliente"),
                    Map.entry("range", "Periodo"),
                    Map.entry("orders", "Pedidos"),
                    Map.entry("contactsPerOrder", "Contactos por pedido"),
                    Map.entry("firstResponse", "Primera respuesta (media / p90, h)"),
                    Map.entry("resolution", "Resolución (media, h)"),
                    Map.entry("resolutionRate", "Tasa de resolución"),
                    Map.entry("sla", "Cumplimiento del SLA"),
                    Map.entry("reopen", "Tasa de reapertura"),
                    Map.entry("defect", "Tasa de pedidos defectuosos"),
                    Map.entry("returnRate", "Tasa de devolución"),
                    Map.entry("autoApproval", "Devoluciones aprobadas automáticamente"),
                    Map.entry("notifications", "Notificaciones por pedido"),
                    Map.entry("nps", "NPS"),
                    Map.entry("csat", "CSAT (% satisfechos)"),
                    Map.entry("recovered", "Clientes recuperados"),
                    Map.entry("chartContacts", "Contactos por pedido"),
                    Map.entry("chartScores", "NPS y CSAT"),
                    Map.entry("chartFirstResponse", "Primera respuesta p90 (horas)"),
                    Map.entry("chartPareto", "Pareto de motivos de contacto"),
                    Map.entry("chartDrivers", "NPS por transportista"),
                    Map.entry("reason", "Motivo"),
                    Map.entry("contacts", "Contactos"),
                    Map.entry("share", "Peso"),
                    Map.entry("cumulative", "Acumulado"),
                    Map.entry("vitalFew", "Dentro del 80 %"),
                    Map.entry("yes", "sí"),
                    Map.entry("no", "no"),
                    Map.entry("skus", "Productos con más contactos"),
                    Map.entry("sku", "Producto (SKU)"),
                    Map.entry("reasons", "Motivos"),
                    Map.entry("byCategory", "Devoluciones por categoría"),
                    Map.entry("category", "Categoría"),
                    Map.entry("unitsOrdered", "Unidades vendidas"),
                    Map.entry("unitsReturned", "Unidades devueltas"),
                    Map.entry("drivers", "Qué mueve el NPS y el CSAT"),
                    Map.entry("dimension", "Dimensión"),
                    Map.entry("value", "Valor"),
                    Map.entry("answers", "Respuestas"),
                    Map.entry("score", "Puntuación"),
                    Map.entry("none", "Sin datos en este periodo"),
                    Map.entry("csv", "Exportar CSV"),
                    Map.entry("signIn", "Inicia sesión con una cuenta de responsable para ver el panel."),
                    Map.entry("forbidden", "Tu cuenta no tiene acceso al panel (solo responsables y administradores).")),
            "en", Map.ofEntries(
                    Map.entry("title", "Postventa · Customer experience dashboard"),
                    Map.entry("range", "Period"),
                    Map.entry("orders", "Orders"),
                    Map.entry("contactsPerOrder", "Contacts per order"),
                    Map.entry("firstResponse", "First response (mean / p90, h)"),
                    Map.entry("resolution", "Resolution (mean, h)"),
                    Map.entry("resolutionRate", "Resolution rate"),
                    Map.entry("sla", "SLA compliance"),
                    Map.entry("reopen", "Reopen rate"),
                    Map.entry("defect", "Order defect rate"),
                    Map.entry("returnRate", "Return rate"),
                    Map.entry("autoApproval", "Returns approved automatically"),
                    Map.entry("notifications", "Notifications per order"),
                    Map.entry("nps", "NPS"),
                    Map.entry("csat", "CSAT (% satisfied)"),
                    Map.entry("recovered", "Recovered customers"),
                    Map.entry("chartContacts", "Contacts per order"),
                    Map.entry("chartScores", "NPS and CSAT"),
                    Map.entry("chartFirstResponse", "First response p90 (hours)"),
                    Map.entry("chartPareto", "Pareto of contact reasons"),
                    Map.entry("chartDrivers", "NPS by carrier"),
                    Map.entry("reason", "Reason"),
                    Map.entry("contacts", "Contacts"),
                    Map.entry("share", "Share"),
                    Map.entry("cumulative", "Cumulative"),
                    Map.entry("vitalFew", "Within 80%"),
                    Map.entry("yes", "yes"),
                    Map.entry("no", "no"),
                    Map.entry("skus", "Products with most contacts"),
                    Map.entry("sku", "Product (SKU)"),
                    Map.entry("reasons", "Reasons"),
                    Map.entry("byCategory", "Returns by category"),
                    Map.entry("category", "Category"),
                    Map.entry("unitsOrdered", "Units sold"),
                    Map.entry("unitsReturned", "Units returned"),
                    Map.entry("drivers", "What drives NPS and CSAT"),
                    Map.entry("dimension", "Dimension"),
                    Map.entry("value", "Value"),
                    Map.entry("answers", "Answers"),
                    Map.entry("score", "Score"),
                    Map.entry("none", "No data in this period"),
                    Map.entry("csv", "Export CSV"),
                    Map.entry("signIn", "Sign in with a manager account to see the dashboard."),
                    Map.entry("forbidden", "Your account has no access to the dashboard (managers and admins only).")));

    private static final Map<String, Map<String, String>> REASONS = Map.of(
            "es", Map.ofEntries(Map.entry("WHERE_IS_MY_ORDER", "¿Dónde está mi pedido?"), Map.entry("RETURN_REQUEST", "Devolución"),
                    Map.entry("DAMAGED_ITEM", "Producto dañado"), Map.entry("WRONG_ITEM", "Producto equivocado"),
                    Map.entry("MISSING_PARTS", "Faltan piezas"), Map.entry("CHANGE_ADDRESS", "Cambio de dirección"),
                    Map.entry("MODIFY_ORDER", "Modificar pedido"), Map.entry("INVOICE_COPY", "Copia de factura"),
                    Map.entry("PRODUCT_QUESTION", "Duda sobre el producto"), Map.entry("PRE_SALE", "Preventa"),
                    Map.entry("OTHER", "Otros")),
            "en", Map.ofEntries(Map.entry("WHERE_IS_MY_ORDER", "Where is my order?"), Map.entry("RETURN_REQUEST", "Return"),
                    Map.entry("DAMAGED_ITEM", "Damaged item"), Map.entry("WRONG_ITEM", "Wrong item"),
                    Map.entry("MISSING_PARTS", "Missing parts"), Map.entry("CHANGE_ADDRESS", "Change of address"),
                    Map.entry("MODIFY_ORDER", "Modify order"), Map.entry("INVOICE_COPY", "Invoice copy"),
                    Map.entry("PRODUCT_QUESTION", "Product question"), Map.entry("PRE_SALE", "Pre-sale"),
                    Map.entry("OTHER", "Other")));

    static Map<String, String> of(String lang) {
        return TEXTS.get(lang);
    }

    static String reason(String lang, String code) {
        return REASONS.get(lang).getOrDefault(code, code);
    }

    /** {@code ?lang=es|en} wins; then the first supported language of Accept-Language; Spanish by default. */
    static String choose(String lang, List<Locale> acceptable) {
        if (lang != null && TEXTS.containsKey(lang.toLowerCase(Locale.ROOT))) {
            return lang.toLowerCase(Locale.ROOT);
        }
        for (Locale l : acceptable) {
            if (TEXTS.containsKey(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return "es";
    }
}
