package io.postventa.ticket.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import io.postventa.web.Texts;

/**
 * What the customer wrote in an e-mail reply, without the history their mail program quoted below it: lines quoted
 * with "&gt;", and everything from the first line that opens the quoted history ("On ... wrote:", "El ...
 * escribió:", "Em ... escreveu:", "-----Original Message-----", an Outlook "From:" block or its line of
 * underscores). The headers of each language come from the text bundles ({@code mail.quote-header},
 * {@code mail.quote-separator}).
 */
public final class ReplyText {
    /** Outlook's line of underscores over the quoted e-mail, whatever the language. */
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");

    private final List<Pattern> headers = new ArrayList<>();
    private final List<Pattern> separators = new ArrayList<>();

    public ReplyText(Texts texts) {
        for (String language : texts.languages()) {
            texts.own(language, "mail.quote-header").ifPresent(p -> headers.add(compile(p)));
            texts.own(language, "mail.quote-separator").ifPresent(p -> separators.add(compile(p)));
        }
        separators.add(UNDERSCORES);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The reply without its quoted history, trimmed. */
    public String strip(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // a header may be wrapped by the mail program: "On Mon, 7 Dec 2026, Shop <" + "support@...> wrote:"
            String withNext = i + 1 < lines.length ? line + " " + lines[i + 1].trim() : line;
            if (matches(headers, line) || matches(headers, withNext) || matches(separators, line)) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        return kept.toString().strip();
    }

    private static boolean matches(List<Pattern> patterns, String line) {
        for (Pattern p : patterns) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** An HTML body as text: paragraphs, line breaks and list items on lines of their own, no markup. */
    public static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        Element body = Jsoup.parse(html).body();
        body.select("blockquote").remove(); // quoted history in an HTML reply
        StringBuilder text = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e && (e.normalName().equals("br") || e.isBlock()) && text.length() > 0
                        && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }
        });
        return text.toString().replaceAll("[ \\t\\u00a0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
