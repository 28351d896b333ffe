-- OrderActors schema 001: the table the Orleans ADO.NET providers read their queries from.
-- The providers run "SELECT QueryKey, QueryText FROM OrleansQuery"; unquoted names fold to lower case.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text        NOT NULL
);
