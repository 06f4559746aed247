-- KPI reports over long ranges (a quarter, a year) read a bounded number of rows whatever the granularity.

-- First-response histograms per ISO week (day = its Monday) and per month (day = its first day), bumped with
-- the daily one: a week or a month that lies wholly inside a range is read from here, not from its days.
create table first_response_histogram_weekly (
    day       date    not null,
    bucket    integer not null,
    responses bigint  not null default 0,
    primary key (day, bucket)
);
create table first_response_histogram_monthly (
    day       date    not null,
    bucket    integer not null,
    responses bigint  not null default 0,
    primary key (day, bucket)
);
insert into first_response_histogram_weekly (day, bucket, responses)
select date_trunc('week', day)::date, bucket, sum(responses) from first_response_histogram group by 1, 2;
insert into first_response_histogram_monthly (day, bucket, responses)
select date_trunc('month', day)::date, bucket, sum(responses) from first_response_histogram group by 1, 2;

-- The day's p90 bucket (nearest rank), kept up to date with its histogram, so a series by day over a year
-- reads 366 values instead of every day's buckets.
alter table kpi_daily add column first_response_p90_bucket integer;
update kpi_daily k set first_response_p90_bucket = p.bucket
from (select day, min(bucket) bucket
      from (select day, bucket, sum(responses) over (partition by day order by bucket) cum,
                   sum(responses) over (partition by day) total
            from first_response_histogram) c
      where cum >= ceil(total * 0.9) group by day) p
where k.day = p.day;

-- Per-sku rankings: only the rows with returns or contacts are ranked (a sku-day with neither is most of
-- sku_daily), then the units ordered of the few skus shown are read by sku. The partial indexes leave
-- units_ordered unindexed, so the upsert of every order line stays a HOT update.
create index sku_daily_returned on sku_daily (day) include (sku, units_returned) where units_returned > 0;
create index sku_monthly_returned on sku_monthly (day) include (sku, units_returned) where units_returned > 0;
create index sku_daily_contacted on sku_daily (day) include (sku, contacts) where contacts > 0;
create index sku_monthly_contacted on sku_monthly (day) include (sku, contacts) where contacts > 0;
create index sku_daily_by_sku on sku_daily (sku, day);
create index sku_monthly_by_sku on sku_monthly (sku, day);
create index sku_reason_daily_by_sku on sku_reason_daily (sku, day);
create index sku_reason_monthly_by_sku on sku_reason_monthly (sku, day);
