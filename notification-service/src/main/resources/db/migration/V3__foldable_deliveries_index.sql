-- Planning a poll looks up its customers' capped deliveries that wait to be folded into their next message.
-- Through delivery_by_customer that read every delivery those customers ever had, on every poll, so planning
-- slowed as the history grew. Only capped, unfolded deliveries are in this index.
create index delivery_foldable on delivery (customer_id)
    where status = 'SUPPRESSED' and reason = 'FREQUENCY_CAP' and folded_into is null;
