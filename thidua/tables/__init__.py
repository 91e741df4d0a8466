"""The table engine: what a kind of table holds (schema), a column's field from its words and content
(columns), and what each row is (rows). Readers describe their kind as data and ask the engine."""
