-- Product search without a trigram bitmap over every order.
-- A SKU is looked up exactly in order_view.skus (lower case, GIN); product-name words are matched against the few
-- thousand distinct order lines in product_line, whose SKUs then select the orders. The million-row trigram index
-- over order_view.products is no longer read, so it goes.

alter table order_view add column skus text[];

-- order_view.products is "name sku | name sku": the SKU is the last word of each line
update order_view o set skus = s.skus
from (select order_id, array_agg(distinct lower(regexp_replace(l, '^.*\s', ''))) skus
      from order_view, unnest(string_to_array(products, ' | ')) l
      where products is not null
      group by order_id) s
where o.order_id = s.order_id;

create index order_view_skus_idx on order_view using gin (skus);

create table product_line (
    line text primary key, -- "name sku", as in order_view.products
    sku  text not null     -- lower case, as in order_view.skus
);
insert into product_line (line, sku)
select distinct l, lower(regexp_replace(l, '^.*\s', ''))
from order_view, unnest(string_to_array(products, ' | ')) l
where products is not null;
create index product_line_trgm_idx on product_line using gin (line gin_trgm_ops);

drop index order_view_products_trgm_idx;
