-- Every text search (a name, a city, product words) also looks its words up in product_line. ILIKE lower-cases
-- each line of UTF-8 text as it compares, and under the lookup's LIMIT PostgreSQL scans the few thousand lines
-- rather than use the trigram index: 7.3 ms per search in the tickets benchmark (pg_stat_statements), the largest
-- part of a name or city search in the database. The lines are now kept lower-cased as well, matched with LIKE.

alter table product_line add column line_lower text generated always as (lower(line)) stored;
create index product_line_lower_trgm_idx on product_line using gin (line_lower gin_trgm_ops);
drop index product_line_trgm_idx;
