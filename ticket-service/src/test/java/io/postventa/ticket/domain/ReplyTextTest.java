package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReplyTextTest {
    private final ReplyText reply = new ReplyText(TicketTexts.load(List.of("es", "en", "pt")));

    @Test
    void aGmailReplyKeepsOnlyWhatTheCustomerWroteAboveOnWrote() {
        String text = """
                Thanks, but the parcel still has not moved.
                Can you check?

                On Mon, 7 Dec 2026 at 10:02, Postventa Shop <support+t.123@postventa.local> wrote:
                > Hello, your order ORD-1 is in transit.
                > Track it here: https://tracking.example/1
                """;
        assertEquals("Thanks, but the parcel still has not moved.\nCan you check?", reply.strip(text));
    }

    @Test
    void aSpanishHeaderWrappedOverTwoLinesStillEndsTheReply() {
        String text = """
                Sigue sin llegar.

                El lun, 7 dic 2026 a las 10:02, Tienda Postventa <
                support+t.123@postventa.local> escribió:
                > Hola, tu pedido ORD-1 está en camino.
                """;
        assertEquals("Sigue sin llegar.", reply.strip(text));
    }

    @Test
    void aPortugueseHeaderEndsTheReply() {
        assertEquals("Ainda não chegou.", reply.strip("Ainda não chegou.\n\nEm seg., 7/12/2026 às 10:02, Loja escreveu:\n> Olá"));
    }

    @Test
    void outlookSeparatorsEndTheReply() {
        assertEquals("Gracias.", reply.strip("Gracias.\n\n________________________________\nDe: Tienda <support@postventa.local>\nEnviado: lunes"));
        assertEquals("Thanks.", reply.strip("Thanks.\n-----Original Message-----\nFrom: Shop\nSent: Monday"));
        assertEquals("Obrigado.", reply.strip("Obrigado.\n\nDe: Loja <support@postventa.local>\nEnviada: segunda"));
    }

    @Test
    void quotedLinesAreDroppedWhereverTheyAre() {
        assertEquals("Yes, please.\n\nAnd a refund.", reply.strip("> Do you want a new one?\nYes, please.\n> Or a refund?\n\nAnd a refund."));
    }

    @Test
    void anHtmlOnlyEmailBecomesTextWithItsLinesAndWithoutTheQuotedBlock() {
        String html = "<html><body><div>Hola,</div><div>el pedido <b>no</b> ha llegado.<br>Gracias</div>"
                + "<blockquote>Hola, tu pedido está en camino</blockquote></body></html>";
        assertEquals("Hola,\nel pedido no ha llegado.\nGracias", ReplyText.fromHtml(html));
    }
}
