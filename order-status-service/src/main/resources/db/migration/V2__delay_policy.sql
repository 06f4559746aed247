-- The delay rule users tune (hours of carrier silence before an order counts as late), versioned: every change
-- is a new row, the highest version is in force, and who changed it when stays on record.
create table delay_policy (
    version       integer      primary key,
    no_scan_hours integer      not null check (no_scan_hours between 1 and 720),
    changed_by    varchar(200) not null,
    changed_at    timestamptz  not null
);
