-- accounts whose deposits the sample's handler applies carelessly: it swallows a database error and carries on
CREATE TABLE careless (
    account_id uuid PRIMARY KEY
);
