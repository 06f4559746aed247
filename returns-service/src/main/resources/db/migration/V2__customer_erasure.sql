-- When the customer's personal data was erased from the return (a tombstone on customers.v1): the comment, the
-- note an agent wrote about them and a carrier's label file are gone, the business facts stay.
alter table return_request add column personal_data_erased_at timestamptz;
