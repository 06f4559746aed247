package io.postventa.benchmarks.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.devstack.PlatformService;
import io.postventa.events.DeadLetterHeaders;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.providerstub.ProviderStub;

/**
 * What came out of the fault run, compared with what went in: each check names what was expected (by id), which of
 * those ids never arrived (lost) and which arrived more than once (duplicated). The customer messages are checked
 * twice for the HTTP providers: as the stand-in saw them (every request), and as a provider that honours the
 * {@code Idempotency-Key} header (the delivery id) would take them.
 */
public final class Reconciliation {
    /** The header notification-service puts on every e-mail: the delivery id. */
    static final String EMAIL_DELIVERY_HEADER = "X-Postventa-Notification";
    private static final int SHOWN = 20;

    /** One comparison: how many were expected, which were lost, which duplicated (ids, at most 20 of each shown). */
    public record Check(String name, String what, long expected, long lost, long duplicated, List<String> lostIds,
            List<String> duplicatedIds, Map<String, Object> details) {
        public boolean passed() {
            return lost == 0 && duplicated == 0;
        }
    }

    private final Ledger ledger;
    private final TopicSnapshot topics;
    private final ChaosStack stack;
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, Object> messages = new LinkedHashMap<>();
    private final Map<String, Object> deadLetters = new LinkedHashMap<>();

    private Reconciliation(Ledger ledger, TopicSnapshot topics, ChaosStack stack) {
        this.ledger = ledger;
        this.topics = topics;
        this.stack = stack;
    }

    /** Reads every topic, database, e-mail and provider request of the stack and compares them with the ledger. */
    public static Reconciliation of(Ledger ledger, ChaosStack stack) throws SQLException, IOException {
        List<String> all = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(t -> all.add(Topics.dlq(t)));
        Reconciliation r = new Reconciliation(ledger, TopicSnapshot.read(stack.kafka(), all), stack);
        r.inboundOrderEvents();
        r.inboundCustomers();
        r.everyConsumer();
        r.statusChangesPublished();
        r.returnsDecidedOnce();
        r.contactsOnOneTicket();
        r.messagesReceivedOnce();
        r.surveyAnswers();
        r.deadLetters();
        return r;
    }

    public List<Check> checks() {
        return checks;
    }

    public Map<String, Object> customerMessages() {
        return messages;
    }

    public Map<String, Object> deadLetterTopics() {
        return deadLetters;
    }

    public long lost() {
        return checks.stream().mapToLong(Check::lost).sum();
    }

    public long duplicated() {
        return checks.stream().mapToLong(Check::duplicated).sum();
    }

    // ---- the checks ----

    /** Every lifecycle event the shop published has exactly one entry in its order's timeline. */
    private void inboundOrderEvents() throws SQLException {
        Set<String> expected = ledger.inbound.values().stream()
                .filter(i -> i.topic.equals(Topics.ORDERS_LIFECYCLE) && i.acked).map(i -> i.id)
                .collect(Collectors.toSet());
        Map<String, Long> applied = counts(PlatformService.ORDER_STATUS,
                "select event_id, count(*) from order_timeline_entry group by event_id");
        Map<String, Long> waiting = counts(PlatformService.ORDER_STATUS,
                "select event_id, count(*) from pending_order_event group by event_id");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stillWaitingForTheirOrder", waiting.size());
        details.put("sentMoreThanOnceByTheShop", ledger.inbound.values().stream()
                .filter(i -> i.topic.equals(Topics.ORDERS_LIFECYCLE) && i.sends.get() > 1).count());
        add("inbound order events applied once", "every event the shop published on orders.lifecycle.v1 has one entry "
                + "in order-status-service's timeline", expected, applied, details);
    }

    /** Every customer record the shop published reached notification-service, which needs it to write to them. */
    private void inboundCustomers() throws SQLException {
        Set<String> expected = ledger.inbound.values().stream()
                .filter(i -> i.topic.equals(Topics.CUSTOMERS) && i.acked).map(i -> i.id).collect(Collectors.toSet());
        Map<String, Long> applied = counts(PlatformService.NOTIFICATION,
                "select event_id, count(*) from processed_event where consumer = 'notification-service.customers.v1'"
                        + " group by event_id");
        add("inbound customer records applied", "every customer record published on customers.v1 was applied by "
                + "notification-service", expected, applied, Map.of());
    }

    /**
     * Every consumer of every service applied every event of its topic that it handles. The topic of a consumer is
     * the one its processed event ids come from, and the types it handles are those of the events it applied (a
     * consumer that skips a type never records it).
     */
    private void everyConsumer() throws SQLException {
        Map<String, TopicSnapshot.Rec> byId = new HashMap<>();
        Map<String, Set<String>> idsByTopicAndType = new HashMap<>();
        for (String topic : Topics.ALL) {
            for (TopicSnapshot.Rec r : topics.records(topic)) {
                String id = r.ceId() != null ? r.ceId() : topic + "/" + r.partition() + "/" + r.offset();
                byId.putIfAbsent(id, r);
                idsByTopicAndType.computeIfAbsent(topic + "|" + r.ceType(), k -> new HashSet<>()).add(id);
            }
        }
        long expectedAll = 0;
        Set<String> lostAll = new TreeSet<>();
        Map<String, Object> perConsumer = new TreeMap<>();
        for (PlatformService service : PlatformService.all()) {
            Map<String, Set<String>> processed = new HashMap<>();
            try (Connection c = stack.db(service.database()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select consumer, event_id from processed_event")) {
                while (rs.next()) {
                    processed.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
            for (Map.Entry<String, Set<String>> e : processed.entrySet()) {
                Map<String, Long> topicCount = e.getValue().stream().map(byId::get).filter(r -> r != null)
                        .collect(Collectors.groupingBy(TopicSnapshot.Rec::topic, Collectors.counting()));
                String topic = topicCount.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                        .orElse(null);
                if (topic == null) {
                    continue;
                }
                Set<String> types = e.getValue().stream().map(byId::get).filter(r -> r != null && r.topic().equals(topic))
                        .map(TopicSnapshot.Rec::ceType).collect(Collectors.toSet());
                Set<String> expected = new HashSet<>();
                types.forEach(t -> expected.addAll(idsByTopicAndType.getOrDefault(topic + "|" + t, Set.of())));
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(e.getValue());
                expectedAll += expected.size();
                missing.forEach(id -> lostAll.add(e.getKey() + ": " + id));
                perConsumer.put(e.getKey(), Map.of("topic", topic, "types", new TreeSet<>(types.stream()
                        .map(t -> t == null ? "(tombstone)" : t).toList()), "expected", expected.size(), "lost", missing.size()));
            }
        }
        checks.add(new Check("every consumer applied its events", "each service's consumers applied every event of the "
                + "types they handle on the topics they read (processed_event against the topics)", expectedAll,
                lostAll.size(), 0, first(lostAll), List.of(), Map.of("consumers", perConsumer)));
    }

    /** Every applied status change was published as order-status.changed: the outbox relay of order-status-service. */
    private void statusChangesPublished() throws SQLException {
        Set<String> expected = new HashSet<>(counts(PlatformService.ORDER_STATUS,
                "select event_id, count(*) from order_timeline_entry where outcome = 'APPLIED' group by event_id").keySet());
        Map<String, Set<String>> published = new HashMap<>();
        for (TopicSnapshot.Rec r : topics.records(Topics.ORDER_STATUS)) {
            if (EventType.ORDER_STATUS_CHANGED.ceType().equals(r.ceType())) {
                String source = EventJson.readTree(r.value()).path("sourceEventId").asText();
                published.computeIfAbsent(source, k -> new HashSet<>()).add(r.ceId());
            }
        }
        add("status changes published once", "every applied transition has one order-status.changed on order-status.v1 "
                + "(the same event id may repeat: at-least-once relay)", expected, distinctCounts(published), Map.of());
    }

    /**
     * Every return request the shop got an id for exists once, was decided once by the risk engine, and that
     * decision was published once.
     */
    private void returnsDecidedOnce() throws SQLException {
        Set<String> expected = new HashSet<>();
        Set<String> twoIdsForOneRequest = new TreeSet<>();
        for (Ledger.Request r : ledger.returns.values()) {
            if (r.created()) {
                Set<String> ids = new HashSet<>(r.answeredIds);
                expected.addAll(ids);
                if (ids.size() > 1) {
                    twoIdsForOneRequest.add(r.key + " -> " + ids);
                }
            }
        }
        Map<String, Long> rows = counts(PlatformService.RETURNS,
                "select idempotency_key, count(*) from return_request where idempotency_key is not null group by 1");
        long requestsWithTwoRows = rows.values().stream().filter(n -> n > 1).count();
        Map<String, Long> decided = counts(PlatformService.RETURNS,
                "select return_id, count(*) from risk_decision group by return_id");
        Map<String, Set<String>> published = new HashMap<>();
        for (TopicSnapshot.Rec r : topics.records(Topics.RETURN_DECISIONS)) {
            JsonNode data = EventJson.readTree(r.value());
            if ("RISK_ENGINE".equals(data.path("decidedBy").asText())) {
                published.computeIfAbsent(data.path("returnId").asText(), k -> new HashSet<>()).add(r.ceId());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestsAnsweredWithTwoReturnIds", first(twoIdsForOneRequest));
        details.put("requestsStoredTwice", requestsWithTwoRows);
        details.put("notTakenByTheService", ledger.returns.values().stream().filter(r -> !r.created())
                .collect(Collectors.groupingBy(r -> r.finalStatus, TreeMap::new, Collectors.counting())));
        Check db = build("returns decided once", "every return the shop got an id for has one risk decision "
                + "(returns-service's risk_decision)", expected, decided, details);
        Check events = build("return decisions published once", "every risk decision has one return.decided "
                + "(decidedBy RISK_ENGINE) on return-decisions.v1", expected, distinctCounts(published), Map.of());
        checks.add(new Check(db.name(), db.what(), db.expected(), db.lost(),
                db.duplicated() + twoIdsForOneRequest.size() + requestsWithTwoRows, db.lostIds(), db.duplicatedIds(),
                db.details()));
        checks.add(events);
    }

    /** Every contact the shop posted is one message on one ticket, whose creation was published once. */
    private void contactsOnOneTicket() throws SQLException {
        Map<String, String> keyOfContact = new HashMap<>();
        Set<String> expected = new HashSet<>();
        Set<String> twoAnswers = new TreeSet<>();
        for (Ledger.Request r : ledger.contacts.values()) {
            if (r.created()) {
                expected.add(r.key);
                Set<String> answers = new HashSet<>(r.answeredIds);
                if (answers.size() > 1) {
                    twoAnswers.add(r.key + " -> " + answers);
                }
                answers.forEach(a -> keyOfContact.put(a.substring(0, a.indexOf('/')), r.key));
            }
        }
        // the service keeps the key as "<caller>:<Idempotency-Key>"
        Map<String, Long> messages = counts(PlatformService.TICKET,
                "select substring(idempotency_key from position(':' in idempotency_key) + 1), count(*)"
                        + " from ticket_message where idempotency_key is not null group by 1");
        Check stored = build("contacts stored once on one ticket", "every contact the shop posted is one message of "
                + "one ticket in ticket-service", expected, messages, Map.of("contactsAnsweredWithTwoIds", first(twoAnswers)));
        checks.add(new Check(stored.name(), stored.what(), stored.expected(), stored.lost(),
                stored.duplicated() + twoAnswers.size(), stored.lostIds(), stored.duplicatedIds(), stored.details()));

        Set<String> tickets = new HashSet<>(counts(PlatformService.TICKET,
                "select id::text, 1 from ticket").keySet());
        Map<String, Set<String>> created = new HashMap<>();
        for (TopicSnapshot.Rec r : topics.records(Topics.CONTACTS)) {
            if (EventType.TICKET_CREATED.ceType().equals(r.ceType())) {
                created.computeIfAbsent(r.key(), k -> new HashSet<>()).add(r.ceId());
            }
        }
        add("tickets published once", "every ticket in ticket-service has one ticket.created on contacts.v1", tickets,
                distinctCounts(created), Map.of());
    }

    /**
     * Every message notification-service recorded as sent arrived once where it was sent: e-mails at the SMTP
     * server (their {@code X-Postventa-Notification} header), SMS, WhatsApp and push at the provider stand-in (their
     * {@code Idempotency-Key}); every one was published once as notification.sent.
     */
    private void messagesReceivedOnce() throws SQLException, IOException {
        Map<String, String> channelOf = new HashMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        Set<String> unfinished = new TreeSet<>();
        try (Connection c = stack.db(PlatformService.NOTIFICATION.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id::text, channel, status from delivery")) {
            while (rs.next()) {
                String status = rs.getString(3);
                statuses.merge(status, 1L, Long::sum);
                if (status.equals("SENT") && !"LOG".equals(rs.getString(2))) {
                    channelOf.put(rs.getString(1), rs.getString(2));
                } else if (Set.of("QUEUED", "SENDING", "DEFERRED").contains(status)) {
                    unfinished.add(rs.getString(1) + " " + status);
                }
            }
        }
        Map<String, Long> emails = emailsByDelivery(stack.mailDir(), EMAIL_DELIVERY_HEADER);
        // what a mail system that drops a Message-ID it already has delivers: one per distinct Message-ID
        Map<String, Long> emailsKeyed = new HashMap<>();
        emailMessageIds(stack.mailDir()).forEach((delivery, ids) -> emailsKeyed.put(delivery, (long) ids.size()));
        Map<String, Long> httpRaw = new HashMap<>();
        for (ProviderStub.Received r : stack.providers().received()) {
            if (r.accepted() && r.header("Idempotency-Key") != null) {
                httpRaw.merge(r.header("Idempotency-Key"), 1L, Long::sum);
            }
        }
        Set<String> expectedEmail = channelOf.entrySet().stream().filter(e -> e.getValue().equals("EMAIL"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<String> expectedHttp = channelOf.entrySet().stream().filter(e -> !e.getValue().equals("EMAIL"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<String, Long> httpWithKey = httpRaw.keySet().stream().collect(Collectors.toMap(Function.identity(), k -> 1L));
        Check emailRaw = build("e-mails received once (raw)", "every delivery recorded SENT by e-mail arrived once at the "
                + "SMTP server, counting every e-mail", expectedEmail, emails, Map.of());
        Check email = build("e-mails received once (honouring Message-ID)", "every delivery recorded SENT by e-mail "
                + "arrived at the SMTP server with one Message-ID (the delivery's: a repeat after a crash is the same "
                + "message to mail servers and clients)", expectedEmail, emailsKeyed, Map.of());
        Check raw = build("SMS, WhatsApp and push received once (raw)", "every delivery recorded SENT by an HTTP "
                + "provider reached the provider stand-in once, counting every request", expectedHttp, httpRaw, Map.of());
        Check keyed = build("SMS, WhatsApp and push received once (honouring Idempotency-Key)", "the same as a "
                + "provider that ignores a repeated Idempotency-Key (the delivery id) takes them", expectedHttp,
                httpWithKey, Map.of());
        checks.add(email);
        checks.add(keyed);
        Set<String> sentButNotRecorded = new TreeSet<>();
        Stream.concat(emails.keySet().stream(), httpRaw.keySet().stream()).filter(id -> !channelOf.containsKey(id))
                .forEach(sentButNotRecorded::add);
        Map<String, Set<String>> sentEvents = new HashMap<>();
        for (TopicSnapshot.Rec r : topics.records(Topics.NOTIFICATIONS)) {
            if (EventType.NOTIFICATION_SENT.ceType().equals(r.ceType())) {
                sentEvents.computeIfAbsent(EventJson.readTree(r.value()).path("notificationId").asText(),
                        k -> new HashSet<>()).add(r.ceId());
            }
        }
        Set<String> allSent = new HashSet<>(channelOf.keySet());
        add("notification.sent published once", "every delivery recorded SENT has one notification.sent on "
                + "notifications.v1", allSent, distinctCounts(sentEvents), Map.of());
        messages.put("deliveriesByStatus", statuses);
        messages.put("sent", channelOf.size());
        messages.put("sentByChannel", channelOf.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting())));
        messages.put("emailsReceived", emails.values().stream().mapToLong(Long::longValue).sum());
        messages.put("providerRequestsReceived", httpRaw.values().stream().mapToLong(Long::longValue).sum());
        messages.put("lost", emailRaw.lost() + raw.lost());
        messages.put("duplicatedAsTheStandInSawThem", emailRaw.duplicated() + raw.duplicated());
        messages.put("duplicatedEmailIds", emailRaw.duplicatedIds());
        messages.put("duplicatedForAProviderHonouringTheKey", email.duplicated() + keyed.duplicated());
        messages.put("duplicatedHttpIds", raw.duplicatedIds());
        messages.put("receivedButNotRecordedSent", first(sentButNotRecorded));
        messages.put("receivedButNotRecordedSentCount", sentButNotRecorded.size());
        messages.put("notSentYet", first(unfinished));
        messages.put("notSentYetCount", unfinished.size());
    }

    /** Each e-mail's delivery id, from its header, with how many e-mails carried it. */
    static Map<String, Long> emailsByDelivery(Path mailDir, String header) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, String> headers : emailHeaders(mailDir)) {
            if (headers.containsKey(header.toLowerCase(java.util.Locale.ROOT))) {
                out.merge(headers.get(header.toLowerCase(java.util.Locale.ROOT)), 1L, Long::sum);
            }
        }
        return out;
    }

    /** Each delivery's distinct Message-IDs among the e-mails received. */
    static Map<String, Set<String>> emailMessageIds(Path mailDir) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        String delivery = EMAIL_DELIVERY_HEADER.toLowerCase(java.util.Locale.ROOT);
        for (Map<String, String> headers : emailHeaders(mailDir)) {
            if (headers.containsKey(delivery)) {
                out.computeIfAbsent(headers.get(delivery), k -> new HashSet<>())
                        .add(headers.getOrDefault("message-id", "(none) " + UUID.randomUUID()));
            }
        }
        return out;
    }

    /** The top-level headers (lower-case names, unfolded) of every e-mail the mail server wrote. */
    private static List<Map<String, String>> emailHeaders(Path mailDir) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        if (!Files.isDirectory(mailDir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(mailDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".eml")).toList()) {
                Map<String, String> headers = new HashMap<>();
                String last = null;
                try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                            headers.merge(last, " " + line.trim(), String::concat);
                            continue;
                        }
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            last = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                            headers.putIfAbsent(last, line.substring(colon + 1).trim());
                        }
                    }
                }
                out.add(headers);
            }
        }
        return out;
    }

    /** Every survey answer the shoppers' links took is stored once. */
    private void surveyAnswers() throws SQLException {
        Set<String> expected = ledger.surveyAnswers.values().stream().filter(Ledger.Request::created).map(r -> r.key)
                .collect(Collectors.toSet());
        Map<String, Long> stored = counts(PlatformService.FEEDBACK, "select survey_id, count(*) from answer group by 1");
        add("survey answers stored once", "every answer a survey link took is stored once in feedback-service",
                expected, stored, Map.of("invitationsRead", ledger.invitations.size()));
    }

    /** The fault run sends no poison: every record in a dead-letter topic is a good event that was not applied. */
    private void deadLetters() {
        long total = 0;
        List<String> ids = new ArrayList<>();
        for (String topic : Topics.ALL) {
            List<TopicSnapshot.Rec> records = topics.records(Topics.dlq(topic));
            if (records.isEmpty()) {
                continue;
            }
            total += records.size();
            Map<String, Long> reasons = records.stream().collect(Collectors.groupingBy(
                    r -> String.valueOf(r.headers().get(DeadLetterHeaders.REASON)).replaceAll("\\s+", " ")
                            .substring(0, Math.min(160, String.valueOf(r.headers().get(DeadLetterHeaders.REASON)).length())),
                    TreeMap::new, Collectors.counting()));
            deadLetters.put(Topics.dlq(topic), Map.of("records", records.size(), "reasons", reasons));
            records.forEach(r -> ids.add(Topics.dlq(topic) + ": " + r.ceId() + " ("
                    + r.headers().get(DeadLetterHeaders.CONSUMER_GROUP) + ")"));
        }
        checks.add(new Check("nothing dead-lettered", "no good event ended in a dead-letter topic (the run sends no "
                + "poison)", total, total, 0, ids.subList(0, Math.min(SHOWN, ids.size())), List.of(), deadLetters));
    }

    // ---- helpers ----

    private void add(String name, String what, Set<String> expected, Map<String, Long> found, Map<String, Object> details) {
        checks.add(build(name, what, expected, found, details));
    }

    private static Check build(String name, String what, Set<String> expected, Map<String, Long> found,
            Map<String, Object> details) {
        Set<String> lost = new TreeSet<>();
        Set<String> duplicated = new TreeSet<>();
        for (String id : expected) {
            long n = found.getOrDefault(id, 0L);
            if (n == 0) {
                lost.add(id);
            } else if (n > 1) {
                duplicated.add(id + " x" + n);
            }
        }
        return new Check(name, what, expected.size(), lost.size(), duplicated.size(), first(lost), first(duplicated),
                details);
    }

    private Map<String, Long> counts(PlatformService service, String sql) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = stack.db(service.database()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static Map<String, Long> distinctCounts(Map<String, Set<String>> ids) {
        Map<String, Long> out = new HashMap<>();
        ids.forEach((k, v) -> out.put(k, (long) v.size()));
        return out;
    }

    private static List<String> first(Set<String> ids) {
        return ids.stream().limit(SHOWN).toList();
    }
}
